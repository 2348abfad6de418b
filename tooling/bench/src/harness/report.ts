// The report of a run: comparisons computed from the jobs, written as JSON and Markdown under bench-results/.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareJob } from './compare';
import { describeMachine, type MachineInfo } from './machine';
import { renderMarkdown } from './markdown';
import type { BenchOptions } from './options';
import type { ScriptRun, SuiteOutput } from './suite';
import type { CaseResult, ComparisonRow, JobOutput } from './types';

export interface BenchReport {
  schema: 1;
  /** True while the run is still going (the report is rewritten after each job). */
  partial: boolean;
  startedAt: string;
  finishedAt: string;
  machine: MachineInfo;
  options: BenchOptions;
  backends: Array<{ environment: string; backend: string; info?: Record<string, unknown> }>;
  comparisons: ComparisonRow[];
  cases: CaseResult[];
  skipped: Array<{ benchmark: string; environment: string; backend: string; reason: string }>;
  notes: string[];
  scripts: ScriptRun[];
}

export function buildReport(suite: SuiteOutput, machine: MachineInfo, options: BenchOptions, startedAt: Date, partial = false): BenchReport {
  const backends = new Map<string, BenchReport['backends'][number]>();
  for (const j of suite.jobs) {
    const key = `${j.environment}:${j.backend}`;
    if (!backends.has(key) || (!backends.get(key)?.info && j.backendInfo)) backends.set(key, { environment: j.environment, backend: j.backend, info: j.backendInfo });
  }
  const notes = [...suite.notes];
  for (const j of suite.jobs) for (const n of j.notes) if (!notes.includes(`${j.benchmark}: ${n}`)) notes.push(`${j.benchmark}: ${n}`);
  return {
    schema: 1,
    partial,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    machine,
    options,
    backends: [...backends.values()],
    comparisons: suite.jobs.flatMap((j: JobOutput) => compareJob(j)),
    cases: suite.jobs.flatMap((j) => j.results),
    skipped: suite.jobs.filter((j) => j.skipped).map((j) => ({ benchmark: j.benchmark, environment: j.environment, backend: j.backend, reason: j.skipped as string })),
    notes,
    scripts: suite.scripts,
  };
}

export function reportMarkdown(r: BenchReport): string {
  const header = [
    `Measured ${r.startedAt.slice(0, 16).replace('T', ' ')} UTC on ${describeMachine(r.machine)}.`,
    `Mode: ${r.options.quick ? 'quick' : 'full'}; ${r.options.warmup} warm-up run(s), up to ${r.options.runs} timed runs per case, interleaved with its references' (median; at least ${r.options.minRuns} unless a case sets fewer, no more once a case's runs pass ${r.options.budgetMs / 1000} s). Column n: timed runs of case / reference.`,
    `Backends: ${r.backends.map((b) => (b.environment === 'node' ? `${b.backend} (Node)` : `${b.backend} (Chromium)`)).join(', ') || 'none'}.`,
  ];
  const unrun = r.cases.filter((c) => c.status !== 'ok' || c.reason);
  const notes = [
    ...r.skipped.map((s) => `${s.benchmark} on ${s.environment === 'node' ? s.backend : `chromium:${s.backend}`} not run: ${s.reason}`),
    ...r.notes,
  ];
  if (r.partial) header.unshift('**Partial: the run was still going when this was written.**');
  let md = renderMarkdown({ title: 'pnpm bench', header, rows: r.comparisons, unrun, notes });
  for (const s of r.scripts) {
    md += `\n## ${s.file.split('/').pop()} (${s.status}, ${s.seconds} s${s.reason ? `: ${s.reason}` : ''})\n\n\`\`\`\n${s.summary}\n\`\`\`\n`;
  }
  return md;
}

/** Writes bench-<time>.json/.md and latest.json/.md; returns the paths. */
export function writeReport(r: BenchReport, dir: string): { json: string; md: string } {
  mkdirSync(dir, { recursive: true });
  const stamp = r.startedAt.replace(/[:.]/g, '-').slice(0, 19);
  const json = JSON.stringify(r, null, 2);
  const md = reportMarkdown(r);
  const paths = { json: join(dir, `bench-${stamp}.json`), md: join(dir, `bench-${stamp}.md`) };
  writeFileSync(paths.json, json);
  writeFileSync(paths.md, md);
  writeFileSync(join(dir, 'latest.json'), json);
  writeFileSync(join(dir, 'latest.md'), md);
  return paths;
}
