// The summary printed at the end of a run: which backends ran (and how their checks went), which were not
// present and why.

export interface CheckRecord {
  check: string;
  ok: boolean;
  detail?: string;
  /** Largest error as a fraction of its tolerance (1 = at the limit). */
  toleranceUse?: number;
}

interface TargetRecord {
  label: string;
  state: 'ran' | 'absent' | 'failed-to-start';
  reason?: string;
  info?: string;
  checks: CheckRecord[];
}

export class ContractSummary {
  private readonly targets = new Map<string, TargetRecord>();

  private target(label: string): TargetRecord {
    let t = this.targets.get(label);
    if (!t) {
      t = { label, state: 'ran', checks: [] };
      this.targets.set(label, t);
    }
    return t;
  }

  started(label: string, info: string): void {
    Object.assign(this.target(label), { state: 'ran', info });
  }

  absent(label: string, reason: string): void {
    Object.assign(this.target(label), { state: 'absent', reason });
  }

  failedToStart(label: string, reason: string): void {
    Object.assign(this.target(label), { state: 'failed-to-start', reason });
  }

  check(label: string, record: CheckRecord): void {
    this.target(label).checks.push(record);
  }

  /** Whether anything failed (a check, or a backend that should have started). */
  get failed(): boolean {
    return [...this.targets.values()].some((t) => t.state === 'failed-to-start' || t.checks.some((c) => !c.ok));
  }

  format(): string {
    const all = [...this.targets.values()];
    const lines = ['', '@mgp contract suite — summary'];
    const ran = all.filter((t) => t.state === 'ran');
    lines.push(`  ran on ${ran.length} backend(s):`);
    for (const t of ran) {
      const passed = t.checks.filter((c) => c.ok).length;
      const worst = Math.max(0, ...t.checks.map((c) => (Number.isFinite(c.toleranceUse) ? (c.toleranceUse ?? 0) : 0)));
      lines.push(`    ${t.label.padEnd(26)} ${passed}/${t.checks.length} checks passed, worst error ${worst.toFixed(2)}× tolerance${t.info ? `  [${t.info}]` : ''}`);
      for (const c of t.checks.filter((x) => !x.ok)) lines.push(`      ✗ ${c.check}: ${(c.detail ?? '').split('\n')[0].slice(0, 220)}`);
    }
    const absent = all.filter((t) => t.state === 'absent');
    if (absent.length > 0) {
      lines.push('  not present (not run):');
      for (const t of absent) lines.push(`    ${t.label.padEnd(26)} ${t.reason}`);
    }
    const broken = all.filter((t) => t.state === 'failed-to-start');
    if (broken.length > 0) {
      lines.push('  failed to start (counted as failures):');
      for (const t of broken) lines.push(`    ${t.label.padEnd(26)} ${t.reason?.split('\n')[0]}`);
    }
    return lines.join('\n');
  }
}
