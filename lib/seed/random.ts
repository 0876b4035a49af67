// A small seeded PRNG (mulberry32) so the demo city comes out identical on every run and machine.
// Math.random is never used by the seed.

/** 32-bit FNV-1a of a string: turns a label like "populations" into a seed. */
export function hashSeed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export class Rng {
  private state: number;

  constructor(seed: number | string) {
    this.state = (typeof seed === "string" ? hashSeed(seed) : seed) >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /**
   * An independent stream for one part of the generation, so adding a draw in one part does not
   * change every later part.
   */
  fork(label: string): Rng {
    return new Rng((hashSeed(label) ^ Math.imul(this.state, 0x9e3779b1)) >>> 0);
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  float(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[Math.floor(this.next() * items.length)];
  }

  /** Picks by weight; weights need not sum to 1. */
  weighted<T>(items: readonly T[], weights: readonly number[]): T {
    const total = weights.reduce((a, w) => a + w, 0);
    let r = this.next() * total;
    for (let i = 0; i < items.length; i++) {
      r -= weights[i];
      if (r < 0) return items[i];
    }
    return items[items.length - 1];
  }

  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }

  /** k distinct items, in random order. */
  sample<T>(items: readonly T[], k: number): T[] {
    return this.shuffle(items).slice(0, Math.max(0, Math.min(k, items.length)));
  }

  /**
   * k distinct indices drawn without replacement, each index's chance proportional to its weight
   * (Efraimidis–Spirakis keys), returned in ascending order.
   */
  weightedSampleIndices(weights: readonly number[], k: number): number[] {
    return weights
      .map((w, i) => ({ i, key: w > 0 ? Math.pow(this.next(), 1 / w) : -1 }))
      .sort((a, b) => b.key - a.key || a.i - b.i)
      .slice(0, k)
      .map((x) => x.i)
      .sort((a, b) => a - b);
  }
}

/**
 * n integers each in [min, max] that sum to exactly `total` (random start, then nudged one unit at
 * a time), so the generated city has the intended size whatever the draws.
 */
export function countsWithTotal(rng: Rng, n: number, min: number, max: number, total: number): number[] {
  if (total < n * min || total > n * max) throw new Error(`cannot split ${total} into ${n} parts of ${min}..${max}`);
  const counts = Array.from({ length: n }, () => rng.int(min, max));
  let sum = counts.reduce((a, c) => a + c, 0);
  while (sum !== total) {
    const i = rng.int(0, n - 1);
    if (sum < total && counts[i] < max) {
      counts[i]++;
      sum++;
    } else if (sum > total && counts[i] > min) {
      counts[i]--;
      sum--;
    }
  }
  return counts;
}
