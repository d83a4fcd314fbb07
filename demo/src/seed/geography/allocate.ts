/**
 * Splits `total` into integer shares proportional to `weights` (largest-remainder method), so the
 * shares always add up to exactly `total` — the district totals are fixed by the sources.
 * `minimum` is granted to every share first when the total allows it.
 */
export function allocate(total: number, weights: readonly number[], minimum = 0): number[] {
  if (weights.length === 0) return [];
  const floor = total >= minimum * weights.length ? minimum : 0;
  const rest = total - floor * weights.length;
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (sum > 0 ? (rest * w) / sum : rest / weights.length));
  const shares = exact.map((x) => Math.floor(x));
  let left = rest - shares.reduce((a, b) => a + b, 0);
  const byRemainder = exact
    .map((x, i) => ({ i, r: x - Math.floor(x) }))
    .sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left <= 0) break;
    shares[i]++;
    left--;
  }
  return shares.map((s) => s + floor);
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
