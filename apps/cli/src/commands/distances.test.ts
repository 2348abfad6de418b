import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinHierarchyPath } from '../data/hierarchy-file';
import { createProgram } from '../program';
import { distancesText } from './distances';
import { captureIo } from './test-io';

const digits = builtinHierarchyPath('mnist-digits');
const digitsJson = JSON.parse(readFileSync(digits, 'utf8')) as {
  leaves: string[];
  parent: Record<string, string | null>;
  distance_visual_leaves: number[][];
  distance_visual_all_nodes: { order: string[]; matrix: number[][] };
};

describe('mgp distances', () => {
  it("gives the seed's visual digit cost matrix for the digits hierarchy", () => {
    const json = JSON.parse(distancesText({ hierarchy: digits, format: 'json', kind: 'path', nodes: 'leaves' }));
    expect(json.nodes).toEqual(digitsJson.leaves);
    expect(json.D).toEqual(digitsJson.distance_visual_leaves);
  });

  it('writes CSV with a header row and one row per class', () => {
    const csv = distancesText({ hierarchy: digits, format: 'csv', kind: 'path', nodes: 'leaves' }).trim().split('\n');
    expect(csv).toHaveLength(11);
    expect(csv[0]).toBe(',0,1,2,3,4,5,6,7,8,9');
    expect(csv[1]).toBe(`0,${digitsJson.distance_visual_leaves[0].join(',')}`);
  });

  it('covers all nodes on request, leaves first', () => {
    const json = JSON.parse(distancesText({ hierarchy: digits, format: 'json', kind: 'path', nodes: 'all' }));
    expect(json.D).toHaveLength(19);
    const order = digitsJson.distance_visual_all_nodes.order;
    // Same matrix as the seed's 19×19, up to the order of the internal nodes.
    json.nodes.forEach((a: string, i: number) =>
      json.nodes.forEach((b: string, j: number) => expect(json.D[i][j]).toBe(digitsJson.distance_visual_all_nodes.matrix[order.indexOf(a)][order.indexOf(b)])),
    );
  });

  it('reads the other tree formats: parent map, edge lines, paths', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mgp-trees-'));
    const parents = join(dir, 'parents.json');
    writeFileSync(parents, JSON.stringify({ parent: digitsJson.parent, leaves: digitsJson.leaves }));
    const edges = join(dir, 'edges.txt');
    writeFileSync(edges, Object.entries(digitsJson.parent).filter(([, p]) => p !== null).map(([c, p]) => `${p} ${c}`).join('\n'));
    const paths = join(dir, 'paths.json');
    const pathOf = (leaf: string): string[] => (digitsJson.parent[leaf] === null ? [leaf] : [...pathOf(digitsJson.parent[leaf] as string), leaf]);
    writeFileSync(paths, JSON.stringify(digitsJson.leaves.map((l) => pathOf(l).join('/'))));
    for (const file of [parents, paths]) {
      const json = JSON.parse(distancesText({ hierarchy: file, format: 'json', kind: 'path', nodes: 'leaves' }));
      expect(json.nodes).toEqual(digitsJson.leaves);
      expect(json.D).toEqual(digitsJson.distance_visual_leaves);
    }
    // Edge lines fix no class order; compare by name.
    const fromEdges = JSON.parse(distancesText({ hierarchy: edges, format: 'json', kind: 'path', nodes: 'leaves' }));
    fromEdges.nodes.forEach((a: string, i: number) =>
      fromEdges.nodes.forEach((b: string, j: number) =>
        expect(fromEdges.D[i][j]).toBe(digitsJson.distance_visual_leaves[Number(a)][Number(b)]),
      ),
    );
  });

  it('turns a broken tree into a message naming the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mgp-bad-'));
    const bad = join(dir, 'cycle.json');
    writeFileSync(bad, JSON.stringify({ parent: { a: 'b', b: 'a' } }));
    const io = captureIo();
    await expect(createProgram(io).parseAsync(['node', 'mgp', 'distances', '--hierarchy', bad])).rejects.toThrow(new RegExp(`^${bad.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: `));
  });
});
