// Where the wasm backend's three .wasm binaries are, so that no user ever calls setWasmPaths.
//
// Node: next to the installed @tensorflow/tfjs-backend-wasm's main file (its dist/), resolved from this package.
// Browsers: copies this package's build puts in dist/wasm/, referenced with `new URL('…', import.meta.url)`, the
// pattern Vite (and webpack 5, Parcel 2, Rollup with its URL plugin) turn into emitted, hashed asset URLs. The
// relative path '../dist/wasm/' resolves to the same folder from src/ (source-mode tests) and from dist/ (builds).

export const WASM_FILE_NAMES = [
  'tfjs-backend-wasm.wasm',
  'tfjs-backend-wasm-simd.wasm',
  'tfjs-backend-wasm-threaded-simd.wasm',
] as const;

export type WasmFileName = (typeof WASM_FILE_NAMES)[number];

/** What `setWasmPaths` accepts: a folder prefix ending in '/', or one path / URL per binary. */
export type WasmPaths = string | Partial<Record<WasmFileName, string>>;

export interface WasmLocation {
  paths: WasmPaths;
  /** How they were found, for the error message when the backend does not start. */
  how: string;
}

/** True under Node (also Bun, Deno, Electron with node integration): emscripten then reads files with fs. */
export function runsInNode(): boolean {
  const p = (globalThis as { process?: { versions?: { node?: string } } }).process;
  return typeof p?.versions?.node === 'string';
}

/** The installed backend's dist/ folder (with a trailing separator), checked to hold the three binaries. */
export function locateWasmInNode(): WasmLocation {
  const proc = process as NodeJS.Process & { getBuiltinModule?: (id: string) => unknown };
  if (typeof proc.getBuiltinModule !== 'function') {
    throw new Error('Node.js >= 20.16 is needed (process.getBuiltinModule) to find the .wasm files');
  }
  const { createRequire } = proc.getBuiltinModule('node:module') as typeof import('node:module');
  const path = proc.getBuiltinModule('node:path') as typeof import('node:path');
  const fs = proc.getBuiltinModule('node:fs') as typeof import('node:fs');
  const require = createRequire(import.meta.url);
  const main = require.resolve('@tensorflow/tfjs-backend-wasm');
  const folder = path.dirname(main) + path.sep;
  const missing = WASM_FILE_NAMES.filter((name) => !fs.existsSync(folder + name));
  if (missing.length > 0) {
    throw new Error(`the installed @tensorflow/tfjs-backend-wasm has no ${missing.join(', ')} in ${folder}`);
  }
  return { paths: folder, how: `read from ${folder}` };
}

/** URLs of the binaries shipped in this package's dist/wasm/, as the page's bundler emitted them. */
export function bundledWasmUrls(): WasmLocation {
  const paths: Record<WasmFileName, string> = {
    'tfjs-backend-wasm.wasm': new URL('../dist/wasm/tfjs-backend-wasm.wasm', import.meta.url).href,
    'tfjs-backend-wasm-simd.wasm': new URL('../dist/wasm/tfjs-backend-wasm-simd.wasm', import.meta.url).href,
    'tfjs-backend-wasm-threaded-simd.wasm': new URL('../dist/wasm/tfjs-backend-wasm-threaded-simd.wasm', import.meta.url).href,
  };
  return { paths, how: `fetched from ${paths['tfjs-backend-wasm-simd.wasm'].replace(/[^/]*$/, '')}` };
}

/** The binaries for this platform: Node reads the installed package, browsers fetch the bundled copies. */
export function locateWasmFiles(): WasmLocation {
  return runsInNode() ? locateWasmInNode() : bundledWasmUrls();
}
