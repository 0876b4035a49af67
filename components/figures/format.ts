// Display formatting for figures (Chinese grouping, one decimal for shares). The figures themselves
// come from lib queries; this only turns them into text.

/** "97.2%" for numerator ÷ denominator, "—" when there is nothing to divide by. */
export const formatShare = (numerator: number, denominator: number) =>
  denominator ? `${((numerator / denominator) * 100).toFixed(1)}%` : "—";

/** "4,257,023", or "—" for a missing figure. */
export const formatCount = (n: number | null) => (n === null ? "—" : n.toLocaleString("zh-CN"));
