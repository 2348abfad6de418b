// The hierarchies of ../shared/data, copied here.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface HierarchyData {
  description: string;
  leaves: string[];
  tree: unknown;
  [key: string]: unknown;
}

export function loadHierarchyData(name: 'mnist-digits' | 'fashion-mnist' | 'cifar100'): HierarchyData {
  const url = new URL(`../data/${name}-hierarchy.json`, import.meta.url);
  return JSON.parse(readFileSync(fileURLToPath(url), 'utf8')) as HierarchyData;
}
