import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Writes `name` under `dir` (created if needed) and returns the path. */
export function writeReportFile(dir: string, name: string, content: string | Uint8Array): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** JSON with two-space indentation and a final newline; non-finite numbers become null as JSON requires. */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, (_, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2)}\n`;
}
