// Browser side of the harness: a page module calls exposeTests({...}) with its test functions; the Node side
// then calls them by name and receives their JSON-serializable results. Imports nothing from tfjs.

export type PageTest = (args: unknown) => unknown;

export interface PageTestOutcome {
  ok: boolean;
  value?: unknown;
  error?: string;
  ms: number;
}

export interface PageHarness {
  names: string[];
  run(name: string, args: unknown): Promise<PageTestOutcome>;
}

declare global {
  interface Window {
    __mgpHarness?: PageHarness;
  }
}

export function exposeTests(tests: Record<string, PageTest>): void {
  window.__mgpHarness = {
    names: Object.keys(tests),
    async run(name, args) {
      const fn = tests[name];
      const start = performance.now();
      if (!fn) return { ok: false, error: `no test named '${name}' on this page`, ms: 0 };
      try {
        const value = await fn(args);
        return { ok: true, value, ms: performance.now() - start };
      } catch (error) {
        const text = error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error);
        return { ok: false, error: text, ms: performance.now() - start };
      }
    },
  };
}

/** URL of the folder where the harness serves tfjs-backend-wasm's .wasm files: pass it to setWasmPaths. */
export function wasmBaseUrl(): string {
  return new URL('./wasm/', document.baseURI).href;
}
