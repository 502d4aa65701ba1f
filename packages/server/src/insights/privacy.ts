// What makes a published count safe to show. A report is a cube: partner × row × measure, each axis with its margin
// (every partner, every row, every measure). Counts 1 … k−1 are suppressed, and then, until nothing changes, any
// line of the cube (along any axis, margins included) with exactly one suppressed cell gets a second one, so no
// suppressed cell is the difference of cells that are shown (complementary suppression). Optional noise first:
// a two-sided geometric mechanism (the discrete Laplace) on every inner cell, margins summed from the noisy cells.

export const MARGIN = '*';

export interface Cube {
  partners: readonly string[];
  rows: readonly string[];
  measures: readonly string[];
  /** Inner cells only (no margins), keyed by cellKey(partner, row, measure); missing = 0. */
  counts: ReadonlyMap<string, number>;
}

export type Published = number | { suppressed: true };

export const cellKey = (partner: string, row: string, measure: string) => JSON.stringify([partner, row, measure]);

/** Two-sided geometric noise with P(x) ∝ exp(−ε|x|): ε-differential privacy for a count one action moves by 1. */
export function geometricNoise(epsilon: number, random: () => number): number {
  const alpha = Math.exp(-epsilon);
  const draw = () => Math.floor(Math.log(1 - random()) / Math.log(alpha));
  return draw() - draw();
}

/** Noisy inner counts (never below 0), the same cube otherwise. */
export function addNoise(cube: Cube, epsilon: number, random: () => number): Cube {
  const counts = new Map<string, number>();
  for (const p of cube.partners)
    for (const r of cube.rows)
      for (const m of cube.measures) {
        const key = cellKey(p, r, m);
        counts.set(key, Math.max(0, (cube.counts.get(key) ?? 0) + geometricNoise(epsilon, random)));
      }
  return { ...cube, counts };
}

/** Every cell of the cube with margins, each shown or suppressed. Keys use MARGIN for "all" on an axis. */
export function suppress(cube: Cube, k: number): Map<string, Published> {
  const axes = [
    [...cube.partners, MARGIN],
    [...cube.rows, MARGIN],
    [...cube.measures, MARGIN],
  ] as const;
  const value = new Map<string, number>();
  for (const p of axes[0])
    for (const r of axes[1])
      for (const m of axes[2]) {
        let sum = 0;
        for (const ip of p === MARGIN ? cube.partners : [p])
          for (const ir of r === MARGIN ? cube.rows : [r])
            for (const im of m === MARGIN ? cube.measures : [m]) {
              sum += cube.counts.get(cellKey(ip, ir, im)) ?? 0;
            }
        value.set(cellKey(p, r, m), sum);
      }
  const hidden = new Set([...value].filter(([, n]) => n > 0 && n < k).map(([key]) => key));

  // Lines along each axis: every cell of the line is a part of the line's margin cell, or the margin itself.
  const lines: string[][] = [];
  for (const p of axes[0]) for (const r of axes[1]) lines.push(axes[2].map((m) => cellKey(p, r, m)));
  for (const p of axes[0]) for (const m of axes[2]) lines.push(axes[1].map((r) => cellKey(p, r, m)));
  for (const r of axes[1]) for (const m of axes[2]) lines.push(axes[0].map((p) => cellKey(p, r, m)));
  const isMargin = (key: string) => (JSON.parse(key) as string[]).includes(MARGIN);
  // Hide the least information: a small inner count first, then a margin, then a zero.
  const cost = (key: string) => {
    const n = value.get(key)!;
    return n === 0 ? Number.MAX_SAFE_INTEGER : isMargin(key) ? 1e12 + n : n;
  };
  for (let changed = true; changed;) {
    changed = false;
    for (const line of lines) {
      if (line.filter((key) => hidden.has(key)).length !== 1) continue;
      const candidates = line.filter((key) => !hidden.has(key));
      if (candidates.length === 0) continue;
      hidden.add(candidates.reduce((best, key) => (cost(key) < cost(best) ? key : best)));
      changed = true;
    }
  }
  return new Map([...value].map(([key, n]) => [key, hidden.has(key) ? { suppressed: true as const } : n]));
}
