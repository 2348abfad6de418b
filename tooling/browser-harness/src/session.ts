// Opens a built page in headless Chromium and calls its exposed test functions.
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildPage, type BuildPageOptions } from './build';
import { CHROMIUM_ARGS, chromiumPath } from './chromium';
import type { PageTestOutcome } from './page';
import { serveStatic, type StaticServer } from './serve';

export interface BrowserSessionOptions extends BuildPageOptions {
  /** Serve with COOP/COEP headers so the wasm backend may use threads (default false). */
  crossOriginIsolated?: boolean;
  executablePath?: string;
  /** Replaces the default flags (CHROMIUM_ARGS). */
  chromiumArgs?: readonly string[];
  /** Milliseconds to wait for the page to call exposeTests (default 60 s). */
  loadTimeoutMs?: number;
  /** An already built site folder (from buildPage): skips the build. */
  site?: string;
}

export interface BrowserTestResult extends PageTestOutcome {
  name: string;
}

export interface BrowserSession {
  /** Test names the page exposed, in order. */
  names: string[];
  userAgent: string;
  url: string;
  /** Console lines and uncaught page errors so far. */
  console: string[];
  pageErrors: string[];
  call(name: string, args?: unknown, timeoutMs?: number): Promise<BrowserTestResult>;
  close(): Promise<void>;
}

export async function openBrowserSession(options: BrowserSessionOptions): Promise<BrowserSession> {
  const site = options.site ?? (await buildPage(options));
  const server: StaticServer = await serveStatic(site, { crossOriginIsolated: options.crossOriginIsolated });
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({
      executablePath: options.executablePath ?? chromiumPath(),
      args: [...(options.chromiumArgs ?? CHROMIUM_ARGS)],
    });
    const page: Page = await browser.newPage();
    const consoleLines: string[] = [];
    const pageErrors: string[] = [];
    page.on('console', (m) => consoleLines.push(`[${m.type()}] ${m.text()}`));
    page.on('pageerror', (e) => pageErrors.push(`${e.name}: ${e.message}`));
    await page.goto(server.url);
    await page
      .waitForFunction(() => window.__mgpHarness !== undefined, undefined, { timeout: options.loadTimeoutMs ?? 60_000 })
      .catch((error: unknown) => {
        throw new Error(`browser harness: the page never called exposeTests (${String(error)}); page errors: ${pageErrors.join(' | ') || 'none'}`);
      });
    const names = await page.evaluate(() => window.__mgpHarness!.names);
    const userAgent = await page.evaluate(() => navigator.userAgent);
    const opened = browser;
    return {
      names,
      userAgent,
      url: server.url,
      console: consoleLines,
      pageErrors,
      async call(name, args, timeoutMs = 300_000) {
        const run = page.evaluate(([n, a]) => window.__mgpHarness!.run(n as string, a), [name, args] as const);
        let timer: ReturnType<typeof setTimeout> | undefined;
        const timeout = new Promise<PageTestOutcome>((done) => {
          timer = setTimeout(() => done({ ok: false, error: `timed out after ${timeoutMs} ms`, ms: timeoutMs }), timeoutMs);
        });
        const outcome = await Promise.race([run, timeout]).finally(() => clearTimeout(timer));
        return { name, ...outcome };
      },
      async close() {
        await opened.close();
        await server.close();
      },
    };
  } catch (error) {
    await browser?.close();
    await server.close();
    throw error;
  }
}

export interface RunInChromiumOptions extends BrowserSessionOptions {
  /** Which exposed tests to run (default all, in page order). */
  tests?: string[];
  args?: unknown;
  timeoutMs?: number;
}

export interface BrowserRunReport {
  results: BrowserTestResult[];
  userAgent: string;
  console: string[];
  pageErrors: string[];
}

/** Builds the page, serves it, runs the tests one after another in one Chromium page, and closes everything. */
export async function runInChromium(options: RunInChromiumOptions): Promise<BrowserRunReport> {
  const session = await openBrowserSession(options);
  try {
    const results: BrowserTestResult[] = [];
    for (const name of options.tests ?? session.names) results.push(await session.call(name, options.args, options.timeoutMs));
    return { results, userAgent: session.userAgent, console: session.console, pageErrors: session.pageErrors };
  } finally {
    await session.close();
  }
}
