import { scorePredictions, type Scores } from '../train/evaluate';
import type { RunOutcome } from '../train/experiment';
import { meanStd } from './stats';

/** One run's numbers, as written to JSON. */
export interface RunRecord {
  method: string;
  label: string;
  seed: number;
  embeddingDim: number;
  decision: 'argmax' | 'bayes';
  errorRate: number;
  averageCost: number;
  mistakeSeverity: number;
  hdistAtK: Record<number, number>;
  prototypeDistortion: number;
  prototypeKind: 'prototype' | 'class mean';
  trainSeconds: number;
  secondsPerEpoch: number;
  finalLoss: number;
}

export function recordRun(outcome: RunOutcome, D: number[][], decision: 'argmax' | 'bayes', ks: number[] = []): RunRecord {
  const scores: Scores = scorePredictions(outcome.test, D, { decision, ks });
  const epochs = outcome.training.epochSeconds.length;
  return {
    method: outcome.methodId,
    label: outcome.methodLabel,
    seed: outcome.seed,
    embeddingDim: outcome.embeddingDim,
    decision,
    ...scores,
    prototypeDistortion: outcome.prototypeDistortion,
    prototypeKind: outcome.prototypeKind,
    trainSeconds: outcome.training.seconds,
    secondsPerEpoch: outcome.training.seconds / Math.max(epochs, 1),
    finalLoss: outcome.training.finalLoss,
  };
}

/** Mean and spread over seeds of each numeric field, for runs of the same method, size and decision. */
export interface GroupSummary {
  method: string;
  label: string;
  embeddingDim: number;
  decision: 'argmax' | 'bayes';
  seeds: number[];
  stats: Record<string, { mean: number; std: number; n: number }>;
}

export function summarize(records: RunRecord[]): GroupSummary[] {
  const groups = new Map<string, RunRecord[]>();
  for (const r of records) {
    const key = `${r.method}|${r.embeddingDim}|${r.decision}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.values()].map((runs) => {
    const fields: Record<string, number[]> = {
      errorRate: runs.map((r) => r.errorRate),
      averageCost: runs.map((r) => r.averageCost),
      mistakeSeverity: runs.map((r) => r.mistakeSeverity),
      prototypeDistortion: runs.map((r) => r.prototypeDistortion),
      trainSeconds: runs.map((r) => r.trainSeconds),
      secondsPerEpoch: runs.map((r) => r.secondsPerEpoch),
    };
    for (const k of Object.keys(runs[0].hdistAtK)) fields[`hdist@${k}`] = runs.map((r) => r.hdistAtK[Number(k)]);
    const stats = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, meanStd(v)]));
    const first = runs[0];
    return { method: first.method, label: first.label, embeddingDim: first.embeddingDim, decision: first.decision, seeds: runs.map((r) => r.seed), stats };
  });
}
