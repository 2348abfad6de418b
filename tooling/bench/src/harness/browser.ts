// The headless-Chromium backends (webgl, wasm), through @mgp/browser-harness. The suite asks that package for one
// function, the plug this file expects:
//
//   runInChromium({ entry, exportName, args, timeoutMs }): Promise<unknown>
//     bundles the module at `entry` (a .ts path), opens it in headless Chromium, calls `exportName(...args)`
//     in the page and resolves with its JSON-serializable result.
//
// The page side is ../browser/page-entry.ts (runBenchJob). Until the package exports that function, the browser
// backends are reported as not run, with this reason.
import { fileURLToPath } from 'node:url';
import type { JobSpec } from './job';
import { failedJob } from './run-job';
import type { JobOutput } from './types';

export const BROWSER_BACKENDS = ['webgl', 'wasm'] as const;

type RunInChromium = (opts: { entry: string; exportName: string; args: unknown[]; timeoutMs?: number }) => Promise<unknown>;

export interface BrowserHost {
  run(spec: JobSpec, timeoutMs: number): Promise<JobOutput[]>;
}

const PAGE_ENTRY = fileURLToPath(new URL('../browser/page-entry.ts', import.meta.url));
const NAMES = ['runInChromium', 'runInBrowser'] as const;

export async function openBrowserHost(): Promise<{ host: BrowserHost } | { reason: string }> {
  let mod: Record<string, unknown>;
  try {
    mod = (await import('@mgp/browser-harness')) as Record<string, unknown>;
  } catch (err) {
    return { reason: `@mgp/browser-harness could not be loaded (${String(err).split('\n')[0].slice(0, 200)})` };
  }
  const name = NAMES.find((n) => typeof mod[n] === 'function');
  if (!name) {
    return {
      reason:
        `@mgp/browser-harness exports no ${NAMES.join(' / ')} (exports: ${Object.keys(mod).join(', ') || 'none'}); ` +
        'the browser backends plug in once it does (contract in tooling/bench/src/harness/browser.ts)',
    };
  }
  const run = mod[name] as RunInChromium;
  return {
    host: {
      async run(spec, timeoutMs) {
        try {
          const out = await run({ entry: PAGE_ENTRY, exportName: 'runBenchJob', args: [spec], timeoutMs });
          return out as JobOutput[];
        } catch (err) {
          return [failedJob(spec, `Chromium run failed: ${String(err).split('\n')[0].slice(0, 300)}`)];
        }
      },
    },
  };
}
