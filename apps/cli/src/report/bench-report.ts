import type { GroupSummary } from './summary';
import { formatMarkdownTable, type Table } from './table';

const fmt = (s: { mean: number; std: number; n: number } | undefined, digits: number, scale = 1) =>
  !s || !Number.isFinite(s.mean) ? '–' : s.n > 1 ? `${(s.mean * scale).toFixed(digits)} ± ${(s.std * scale).toFixed(digits)}` : (s.mean * scale).toFixed(digits);

/** The cross-entropy row a group is compared with: same embedding size and decision rule. */
function baselineOf(group: GroupSummary, groups: GroupSummary[]): GroupSummary | undefined {
  return groups.find((g) => g.method === 'xe' && g.embeddingDim === group.embeddingDim && g.decision === group.decision);
}

/** Relative change of the mean average cost against cross-entropy, e.g. −12.5%. */
export function costChange(group: GroupSummary, groups: GroupSummary[]): number | null {
  const base = baselineOf(group, groups);
  if (!base || base === group) return null;
  return group.stats.averageCost.mean / base.stats.averageCost.mean - 1;
}

export function benchTable(groups: GroupSummary[], ks: number[]): Table {
  return {
    columns: ['Method', 'Dim', 'Decision', 'Error rate (%)', 'Average cost', 'AC vs XE', 'Mistake severity', ...ks.map((k) => `hdist@${k}`), 's / epoch'],
    align: ['l', 'r', 'l', 'r', 'r', 'r', 'r', ...ks.map(() => 'r' as const), 'r'],
    rows: groups.map((g) => {
      const change = costChange(g, groups);
      return [
        g.label,
        String(g.embeddingDim),
        g.decision === 'bayes' ? 'least cost' : 'argmax',
        fmt(g.stats.errorRate, 2, 100),
        fmt(g.stats.averageCost, 3),
        change === null ? '' : `${change > 0 ? '+' : ''}${(change * 100).toFixed(1)}%`,
        fmt(g.stats.mistakeSeverity, 3),
        ...ks.map((k) => fmt(g.stats[`hdist@${k}`], 3)),
        fmt(g.stats.secondsPerEpoch, 2),
      ];
    }),
  };
}

/** Sentences naming the methods that lower the average cost against cross-entropy, by how much, and how surely. */
export function costFindings(groups: GroupSummary[]): string[] {
  const lines: string[] = [];
  for (const g of groups) {
    const change = costChange(g, groups);
    const base = baselineOf(g, groups);
    if (change === null || !base || change >= 0) continue;
    const gap = base.stats.averageCost.mean - g.stats.averageCost.mean;
    const spread = Math.max(base.stats.averageCost.std, g.stats.averageCost.std);
    const sure = g.stats.averageCost.n > 1 && gap > 2 * spread ? '' : ' (within the spread over seeds)';
    lines.push(
      `- ${g.label}, ${g.embeddingDim}-D, ${g.decision === 'bayes' ? 'least-cost decision' : 'argmax'}: AC ${g.stats.averageCost.mean.toFixed(3)} vs ${base.stats.averageCost.mean.toFixed(3)} (${(change * 100).toFixed(1)}%)${sure}`,
    );
  }
  return lines;
}

export function benchMarkdown(input: {
  groups: GroupSummary[];
  ks: number[];
  settings: Record<string, unknown>;
  backend: string;
  data: { source: string; train: number; test: number };
  wallSeconds: number;
  failures: { method: string; error: string }[];
}): string {
  const findings = costFindings(input.groups);
  const s = input.settings;
  return [
    `# Benchmark: ${input.data.source}`,
    '',
    `Data: ${input.data.train} training and ${input.data.test} test images. Backend: ${input.backend}.`,
    `Training: ${s.epochs} epochs, batch ${s.batchSize}, SGD momentum 0.9, learning rate ${s.learningRate} ÷10 at 2/3 and 5/6; λ = ${s.lambda}. Seeds: ${(s.seeds as number[]).join(', ')}. Embedding sizes: ${(s.dims as number[]).join(', ')}.`,
    `Cost matrix: tree path lengths of the class hierarchy. "least cost" rows re-decide the same models by the least expected cost under their softmax.`,
    `Wall time: ${(input.wallSeconds / 60).toFixed(1)} min.`,
    '',
    formatMarkdownTable(benchTable(input.groups, input.ks)),
    '',
    '## Lower average cost than cross-entropy',
    '',
    ...(findings.length > 0 ? findings : ['- none in this run']),
    '',
    ...(input.failures.length > 0 ? ['## Methods that could not run', '', ...input.failures.map((f) => `- ${f.method}: ${f.error}`), ''] : []),
  ].join('\n');
}
