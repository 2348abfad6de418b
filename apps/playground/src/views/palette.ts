/** Tableau's ten colours, then evenly spaced hues for more classes. */
const TABLEAU = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];

export function classColors(k: number): string[] {
  if (k <= TABLEAU.length) return TABLEAU.slice(0, k);
  return Array.from({ length: k }, (_, i) => `hsl(${Math.round((360 * i) / k)}, 65%, 50%)`);
}

/** A cost in [0, 1] (0 cheap) as a colour from pale yellow to deep red. */
export function costColor(t: number, alpha = 1): string {
  const x = Math.min(1, Math.max(0, t));
  const hue = 55 - 55 * x;
  const light = 85 - 45 * x;
  return `hsla(${hue.toFixed(0)}, 90%, ${light.toFixed(0)}%, ${alpha})`;
}
