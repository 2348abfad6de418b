// Issue 8 (5): Hierarchy distance(i, j) and lca(i, j) for K = 100,000 leaves at depth 12 — build time, query time
// and memory, with no K×K table. References: parsing the tree's JSON (for the build) and a plain parent walk
// over typed arrays written here (for the queries).
import type { BenchCase, Benchmark, Comparison } from '../harness/types';
import { buildHierarchy, hierarchyFromParents, type HierarchyLike } from '../shared/hierarchy';
import { naiveDistance, naiveLca, parentEntries, randomClasses, syntheticTree, type SyntheticTree } from '../shared/synthetic-tree';

const K = 100_000;
const DEPTH = 12;

/** Keeps results alive so the engine cannot drop the loop. */
let sink = 0;

function queryCase(id: string, queries: number, setupFn: () => (a: number, b: number) => number, memory = false): BenchCase {
  return {
    id,
    params: { K, depth: DEPTH, queries },
    memory,
    setup() {
      const f = setupFn();
      const a = randomClasses(queries, K, 1);
      const b = randomClasses(queries, K, 2);
      return {
        run() {
          let acc = 0;
          for (let t = 0; t < queries; t++) acc += f(a[t], b[t]);
          sink += acc;
        },
        dispose() {},
      };
    },
  };
}

export const hierarchyQueries: Benchmark = {
  name: 'hierarchy-queries',
  title: `Hierarchy at K = 100,000 leaves, depth ${DEPTH}: build, distance(i, j), lca(i, j)`,
  async plan(ctx) {
    const fromParents = await hierarchyFromParents();
    if (!fromParents.ok) return { cases: [], comparisons: [], skip: fromParents.reason };
    const queries = ctx.quick ? 100_000 : 1_000_000;
    let tree: SyntheticTree | null = null;
    const getTree = () => (tree ??= syntheticTree(K, DEPTH));
    let built: HierarchyLike | null = null;
    const hierarchy = () => (built ??= buildHierarchy(fromParents.build, getTree()));
    const cases: BenchCase[] = [
      {
        id: 'parse-json',
        params: { K, depth: DEPTH, input: '[child, parent] entries as JSON text' },
        setup() {
          const text = JSON.stringify(parentEntries(getTree()));
          return { run: () => void (sink += (JSON.parse(text) as unknown[]).length), dispose() {} };
        },
      },
      {
        id: 'build/fromParents',
        params: { K, depth: DEPTH, nodes: getTree().numNodes },
        memory: true,
        warmup: 1,
        runs: ctx.quick ? 2 : 5,
        setup() {
          const entries = parentEntries(getTree());
          return { run: () => void (sink += buildHierarchy(fromParents.build, getTree(), entries).numLeaves), dispose() {} };
        },
      },
      queryCase(`distance/${queries}`, queries, () => {
        const h = hierarchy();
        return (x, y) => h.distance(x, y);
      }),
      queryCase(`lca/${queries}`, queries, () => {
        const h = hierarchy();
        return (x, y) => h.lca(x, y);
      }),
      queryCase(`naive-distance/${queries}`, queries, () => {
        const t = getTree();
        return (x, y) => naiveDistance(t, x, y);
      }),
      queryCase(`naive-lca/${queries}`, queries, () => {
        const t = getTree();
        return (x, y) => naiveLca(t, x, y);
      }),
      {
        id: 'hierarchy-memory',
        params: { K, depth: DEPTH },
        memory: true,
        runs: 1,
        warmup: 0,
        setup() {
          // Retained bytes: the built Hierarchy (with its LCA tables, built by the first query) and nothing else.
          const h = buildHierarchy(fromParents.build, syntheticTree(K, DEPTH));
          h.lca(0, K - 1);
          return { run: () => void (sink += h.distance(0, K - 1)), dispose() {} };
        },
      },
    ];
    const comparisons: Comparison[] = [
      { case: 'build/fromParents', against: { case: 'parse-json' } },
      { case: `distance/${queries}`, against: { case: `naive-distance/${queries}` } },
      { case: `lca/${queries}`, against: { case: `naive-lca/${queries}` } },
    ];
    if (ctx.environment === 'node') {
      comparisons.push({
        case: 'hierarchy-memory',
        against: { budget: 4 * K * K, label: `one ${K}×${K} float32 (${((4 * K * K) / 2 ** 30).toFixed(0)} GiB)` },
        metric: 'retainedBytes',
        target: { max: 0.01, text: '≪ 1 (no K×K table)' },
      });
      comparisons.push({ case: 'hierarchy-memory', against: { budget: 2 ** 30, label: '1 GiB' }, metric: 'retainedBytes' });
    }
    return {
      cases,
      comparisons,
      notes: [
        'queries are random leaf pairs; Hierarchy.distance/lca validate their arguments on every call, the naive walk does not',
        'heap retained = JS heap + array buffers after setup, measured with forced GC (Node only)',
      ],
    };
  },
};
