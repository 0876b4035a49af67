// A table's horizontal scroll box must be reachable by keyboard, or a keyboard user cannot scroll
// it (WCAG 2.1.1; axe "scrollable-region-focusable"): focusable, and a named region so a screen
// reader says what the stop is. Spread on the box: <div {...SCROLL_REGION} className="overflow-x-auto">.
export const SCROLL_REGION = { role: "region", "aria-label": "表格（可左右滚动）", tabIndex: 0 } as const;
