// Reads an export that a sibling package may not have yet (they are built in parallel); the reason says what is missing.
export type Found<T> = { ok: true; value: T } | { ok: false; reason: string };

export async function optionalExport<T>(pkg: string, load: () => Promise<Record<string, unknown>>, name: string): Promise<Found<T>> {
  let mod: Record<string, unknown>;
  try {
    mod = await load();
  } catch (err) {
    return { ok: false, reason: `${pkg} failed to load: ${String(err).split('\n')[0].slice(0, 200)}` };
  }
  if (mod[name] === undefined) return { ok: false, reason: `${pkg} does not export ${name} yet` };
  return { ok: true, value: mod[name] as T };
}
