// Debian's headless Chromium with WebGL2 through SwiftShader, driven by playwright-core; where it is and its flags
// come from @mgp/browser-harness, shared with the packages' browser tests.
import { CHROMIUM_ARGS, chromiumPath, chromiumUnavailableReason } from '@mgp/browser-harness';
import { chromium, type Browser } from 'playwright-core';

/** Null when Chromium is there; otherwise why the browser tests cannot run. */
export function chromiumMissingReason(): string | null {
  return chromiumUnavailableReason();
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS] });
}
