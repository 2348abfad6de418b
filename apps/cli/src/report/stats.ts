/** Mean and sample standard deviation (0 for a single value), for "mean ± spread" over seeds. */
export function meanStd(values: number[]): { mean: number; std: number; n: number } {
  const n = values.length;
  if (n === 0) return { mean: Number.NaN, std: Number.NaN, n };
  const mean = values.reduce((a, b) => a + b, 0) / n;
  if (n === 1) return { mean, std: 0, n };
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
  return { mean, std: Math.sqrt(variance), n };
}

/** `12.3 ± 0.4` (or just `12.3` for one value), with `digits` decimals. */
export function formatMeanStd(values: number[], digits: number, scale = 1): string {
  const { mean, std, n } = meanStd(values.map((v) => v * scale));
  if (n === 0 || !Number.isFinite(mean)) return '–';
  return n === 1 ? mean.toFixed(digits) : `${mean.toFixed(digits)} ± ${std.toFixed(digits)}`;
}
