// Median and ratio arithmetic of the reports.

/** Median of the samples (mean of the middle two for an even count); null for none. Ignores non-finite values. */
export function median(samples: readonly number[]): number | null {
  const sorted = samples.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return null;
  const mid = n >> 1;
  return n % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** value / reference, or null when either is missing or the reference is not positive. */
export function ratio(value: number | null | undefined, reference: number | null | undefined): number | null {
  if (value == null || reference == null || !Number.isFinite(value) || !Number.isFinite(reference) || reference <= 0) return null;
  return value / reference;
}

/** Whether a ratio meets its bounds: 'met', 'missed', or '' when there is no bound, 'n/a' when no ratio. */
export function verdict(r: number | null, bounds: { max?: number; min?: number } | undefined): 'met' | 'missed' | 'n/a' | '' {
  if (!bounds || (bounds.max === undefined && bounds.min === undefined)) return r === null ? 'n/a' : '';
  if (r === null) return 'n/a';
  if (bounds.max !== undefined && r > bounds.max) return 'missed';
  if (bounds.min !== undefined && r < bounds.min) return 'missed';
  return 'met';
}
