// Where Chromium is, and whether it can run here. Debian's package installs /usr/bin/chromium; MGP_CHROMIUM
// overrides the path.
import { accessSync, constants } from 'node:fs';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** Flags for headless Chromium with WebGL2 through SwiftShader (a software GPU) and no network chatter. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function chromiumPath(): string {
  return process.env.MGP_CHROMIUM ?? DEFAULT_CHROMIUM;
}

/** Null when the Chromium executable is present; otherwise why browser tests cannot run. */
export function chromiumUnavailableReason(path = chromiumPath()): string | null {
  try {
    accessSync(path, constants.X_OK);
    return null;
  } catch {
    return `no Chromium executable at ${path} (install Debian's 'chromium' package, or set MGP_CHROMIUM)`;
  }
}
