// Runs the contract in a Chromium page (one page per backend), through @mgp/browser-harness.
import { fileURLToPath } from 'node:url';
import { chromiumUnavailableReason, openBrowserSession } from '@mgp/browser-harness';
import type { CheckOutcome } from '../checks/types';
import type { ContractTarget } from '../targets';
import type { StartedBackend, TargetDriver } from '../runner/driver';
import { buildContractPage, removeContractPage } from './build-page';
import type { SetupArgs } from './page';

export const PAGE = fileURLToPath(new URL('./page.ts', import.meta.url));

let site: Promise<string> | undefined;

/** The page is built once per run and opened once per target. MGP_CONTRACT_SITE: a site built before (reruns). */
export function contractSite(): Promise<string> {
  site ??= process.env.MGP_CONTRACT_SITE ? Promise.resolve(process.env.MGP_CONTRACT_SITE) : buildContractPage(PAGE);
  return site;
}

/** Deletes the page built by this run (not one given in MGP_CONTRACT_SITE). */
export async function removeContractSite(): Promise<void> {
  if (site === undefined || process.env.MGP_CONTRACT_SITE) return;
  const built = await site.catch(() => null);
  if (built !== null) removeContractPage(built);
}

export { chromiumUnavailableReason };

export async function chromiumDriver(target: ContractTarget): Promise<TargetDriver> {
  const session = await openBrowserSession({ entry: PAGE, site: await contractSite() });
  const call = async (name: string, args: unknown): Promise<unknown> => {
    const result = await session.call(name, args);
    if (!result.ok) {
      const pageErrors = session.pageErrors.length > 0 ? ` (page errors: ${session.pageErrors.join(' | ')})` : '';
      throw new Error(`${result.error ?? 'failed'}${pageErrors}`);
    }
    return result.value;
  };
  return {
    async start() {
      const args: SetupArgs = { backend: target.tfjsName as SetupArgs['backend'], forceFloat16: target.backend === 'webgl-f16' };
      return (await call('setup', args)) as StartedBackend;
    },
    run: async (name) => (await call('check', { name })) as CheckOutcome,
    stop: () => session.close(),
  };
}
