// @mgp/browser-harness (Node side): build a page module with Vite, serve it on 127.0.0.1, drive it in Debian's
// headless Chromium (WebGL2 via SwiftShader, wasm) through playwright-core, and get JSON results back.
// The page side is '@mgp/browser-harness/page' (exposeTests, wasmBaseUrl).
export { CHROMIUM_ARGS, DEFAULT_CHROMIUM, chromiumPath, chromiumUnavailableReason } from './chromium';
export { buildPage, tfjsWasmDir, type BuildPageOptions } from './build';
export { serveStatic, type StaticServer } from './serve';
export {
  openBrowserSession,
  runInChromium,
  type BrowserSession,
  type BrowserSessionOptions,
  type BrowserTestResult,
  type BrowserRunReport,
  type RunInChromiumOptions,
} from './session';
export type { PageTestOutcome } from './page';
