/** Distinct labels in natural order ('2' before '10', then text). */
export function sortClassNames(names: Iterable<string>): string[] {
  const collator = new Intl.Collator('en', { numeric: true });
  return [...new Set(names)].sort(collator.compare);
}
