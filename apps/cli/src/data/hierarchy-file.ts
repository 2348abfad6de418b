import { existsSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { Hierarchy } from '@mgp/hierarchy';
import { CliError } from '../errors';
import { cliPackageRoot } from './package-root';

/**
 * Reads a class hierarchy file in any of the forms @mgp/hierarchy builds from:
 * - nested JSON, bare (`{"root": [{"animal": ["cat", "dog"]}, "plant"]}`) or as a data file (`{tree, leaves}`);
 * - a child → parent map (`{"parent": {...}}` or `{"parents": {...}}`, optional `leaves`);
 * - root-to-leaf paths (`["root/animal/cat", ...]`, `[["root", "animal", "cat"], ...]` or `{"paths": [...]}`);
 * - text with one `parent child` pair a line (anything that is not JSON), as WordNet is-a files.
 */
export function readHierarchyFile(path: string): Hierarchy {
  if (!existsSync(path)) throw new CliError(`Hierarchy file not found: ${path}`);
  const text = readFileSync(path, 'utf8');
  try {
    return parseHierarchyText(text, extname(path).toLowerCase() === '.json');
  } catch (cause) {
    if (cause instanceof CliError) throw cause;
    throw new CliError(`${path}: ${(cause as Error).message}`);
  }
}

export function parseHierarchyText(text: string, isJsonFile = false): Hierarchy {
  const trimmed = text.trimStart();
  const looksJson = isJsonFile || trimmed.startsWith('{') || trimmed.startsWith('[');
  if (!looksJson) return Hierarchy.fromEdges(text);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new CliError(`not valid JSON (${(cause as Error).message}). Give nested JSON, a parent map, paths, or 'parent child' lines.`);
  }
  if (Array.isArray(json)) return Hierarchy.fromPaths(json as string[]);
  if (json === null || typeof json !== 'object') throw new CliError('expected a JSON object or array describing a tree.');
  const record = json as Record<string, unknown>;
  const leaves = Array.isArray(record.leaves) ? (record.leaves as string[]) : undefined;
  if ('tree' in record) return Hierarchy.fromNested(json);
  if ('paths' in record) return Hierarchy.fromPaths(record.paths as string[], { leaves });
  const parents = record.parents ?? record.parent;
  if (parents !== undefined) return Hierarchy.fromParents(parents as Record<string, string | null>, { leaves });
  return Hierarchy.fromNested(json);
}

export type BuiltinHierarchy = 'mnist-digits' | 'fashion-mnist';

/** The hierarchies shipped in apps/cli/data (copied from ../shared/data). */
export function builtinHierarchyPath(name: BuiltinHierarchy): string {
  return join(cliPackageRoot(), 'data', `${name}-hierarchy.json`);
}

/** A shipped hierarchy as the class tree, its leaf order and its leaf cost matrix D (tree path lengths). */
export function loadBuiltinHierarchy(name: BuiltinHierarchy): { hierarchy: Hierarchy; json: { tree: unknown; leaves: string[] }; D: number[][] } {
  const path = builtinHierarchyPath(name);
  const json = JSON.parse(readFileSync(path, 'utf8')) as { tree: unknown; leaves: string[] };
  const hierarchy = Hierarchy.fromNested(json);
  return { hierarchy, json, D: hierarchy.distanceMatrix() };
}
