// The headless-Chromium backends (webgl, wasm) through @mgp/browser-harness: one page (../browser/page-entry.ts)
// built once, then each job is a call of its exposed runBenchJob.
import { fileURLToPath } from 'node:url';
import type { JobSpec } from './job';
import { failedJob } from './run-job';
import type { JobOutput } from './types';

export const BROWSER_BACKENDS = ['webgl', 'wasm'] as const;

export interface BrowserHost {
  run(spec: JobSpec, timeoutMs: number): Promise<JobOutput[]>;
  close(): Promise<void>;
}

const PAGE_ENTRY = fileURLToPath(new URL('../browser/page-entry.ts', import.meta.url));

export async function openBrowserHost(): Promise<{ host: BrowserHost } | { reason: string }> {
  let harness: typeof import('@mgp/browser-harness');
  try {
    harness = await import('@mgp/browser-harness');
  } catch (err) {
    return { reason: `@mgp/browser-harness could not be loaded (${String(err).split('\n')[0].slice(0, 200)})` };
  }
  const missing = harness.chromiumUnavailableReason?.();
  if (missing) return { reason: missing };
  type Session = Awaited<ReturnType<typeof harness.openBrowserSession>>;
  const open = () => harness.openBrowserSession({ entry: PAGE_ENTRY, loadTimeoutMs: 180_000, site });
  let site: string | undefined;
  let session: Session;
  try {
    site = await harness.buildPage({ entry: PAGE_ENTRY });
    session = await open();
  } catch (err) {
    return { reason: `the bench page did not open in Chromium (${String(err).split('\n')[0].slice(0, 300)})` };
  }
  return {
    host: {
      async run(spec, timeoutMs) {
        const outcome = await session.call('runBenchJob', spec, timeoutMs);
        if (outcome.ok) return outcome.value as JobOutput[];
        const errors = session.pageErrors.slice(-2).join(' | ');
        const failed = [failedJob(spec, `Chromium: ${(outcome.error ?? 'failed').split('\n')[0].slice(0, 300)}${errors ? `; page errors: ${errors}` : ''}`)];
        // A page still busy with a timed-out job would hold up the next ones: start a fresh browser.
        await session.close().catch(() => undefined);
        session = await open();
        return failed;
      },
      close: () => session.close(),
    },
  };
}
