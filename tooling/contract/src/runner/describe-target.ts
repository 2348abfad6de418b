// The vitest side of one target: start its backend through the adapter, check what useBackend() reports, then
// one test per contract check, judged with that backend's tolerances. Everything lands in the summary.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRACT_CHECKS } from '../checks';
import { judge, worstToleranceUse } from '../judge';
import type { ContractSummary } from '../summary';
import type { ContractTarget } from '../targets';
import { TOLERANCES } from '../tolerances';
import type { StartedBackend, TargetDriver } from './driver';

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function describeInfo(s: StartedBackend): string {
  const { info } = s;
  const parts = [`${info.name} ${info.backendVersion ?? ''}`.trim()];
  if (info.floatPrecision) parts.push(`float${info.floatPrecision}`);
  if (info.simd !== undefined) parts.push(info.simd ? 'SIMD' : 'no SIMD');
  if (info.threads !== undefined) parts.push(`${info.threads} thread(s)`);
  parts.push(`epsilon ${s.epsilon}`, `${info.extraKernels.length} extra kernel(s)`);
  return parts.join(', ');
}

/** `absentReason`: why this backend is not here (then its tests are skipped, and the summary says why). */
export function describeTarget(
  target: ContractTarget,
  makeDriver: () => Promise<TargetDriver>,
  summary: ContractSummary,
  absentReason: string | null,
): void {
  if (absentReason !== null) {
    summary.absent(target.label, absentReason);
    console.info(`@mgp/contract: ${target.label} not run — ${absentReason}`);
  }

  describe.skipIf(absentReason !== null)(target.label, () => {
    let driver: TargetDriver | undefined;
    let started: StartedBackend | undefined;
    let startError: unknown;
    const tolerances = TOLERANCES[target.backend];

    beforeAll(async () => {
      try {
        driver = await makeDriver();
        started = await driver.start();
        summary.started(target.label, describeInfo(started));
      } catch (error) {
        startError = error;
        summary.failedToStart(target.label, message(error));
      }
    });
    afterAll(async () => {
      await driver?.stop();
    });

    const requireStarted = (): StartedBackend => {
      if (started === undefined) throw new Error(`${target.label} did not start: ${message(startError)}`);
      return started;
    };

    it('useBackend() reports what is in use (BackendInfo)', () => {
      const { info, epsilon, scatter } = requireStarted();
      expect(info.name).toBe(target.tfjsName);
      expect(info.tfjsVersion).toMatch(/^4\.22\./);
      expect(Array.isArray(info.extraKernels) && Array.isArray(info.notes)).toBe(true);
      if (target.floatPrecision !== undefined) expect(info.floatPrecision).toBe(target.floatPrecision);
      if (target.scatterKernels) expect(info.extraKernels.filter((k) => k.startsWith('Mgp')).length, `Mgp* kernels reported (@mgp/scatter ${scatter})`).toBeGreaterThan(0);
      // On float16, floors below 1e-4 round to 0: the adapter must make tf.backend().epsilon() at least that.
      if (info.floatPrecision === 16) expect(epsilon).toBeGreaterThanOrEqual(1e-4);
    });

    for (const check of CONTRACT_CHECKS) {
      it(check.name, async () => {
        requireStarted();
        let outcome;
        try {
          outcome = await driver!.run(check.name);
        } catch (error) {
          summary.check(target.label, { check: check.name, ok: false, detail: `threw: ${message(error)}` });
          throw new Error(`${check.name} (${check.uses}) threw on ${target.label}: ${message(error)}`);
        }
        const mismatches = judge(outcome, tolerances);
        const worst = worstToleranceUse(outcome, tolerances);
        const detail = mismatches.map((m) => `${m.key}: ${m.message}`).join('\n');
        summary.check(target.label, { check: check.name, ok: mismatches.length === 0, detail, toleranceUse: worst });
        if (mismatches.length > 0) {
          throw new Error(`${mismatches.length} quantity(ies) out of tolerance on ${target.label}:\n${detail}`);
        }
      });
    }
  });
}
