// Timing helpers every benchmark shares: samples of a call after a warm-up, and their summary.

export type Stats = { p50: number; p95: number; max: number; mean: number; min: number };

/** Nearest-rank percentiles and the mean, in ms to two decimals. */
export function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const rank = (p: number) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
  const r = (x: number) => Math.round(x * 100) / 100;
  return { p50: r(rank(0.5)), p95: r(rank(0.95)), max: r(s[s.length - 1]), min: r(s[0]), mean: r(s.reduce((a, b) => a + b, 0) / s.length) };
}

/** `iterations` timings (ms) of `run`, after `warmup` untimed calls. */
export async function sample(run: () => Promise<unknown>, { warmup, iterations }: { warmup: number; iterations: number }): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t = performance.now();
    await run();
    samples.push(performance.now() - t);
  }
  return samples;
}
