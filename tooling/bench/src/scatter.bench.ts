// Benchmark: @mgp/scatter's WebGL segment kernels against the built-in tfjs-ops path of @mgp/metrics (what runs
// when @mgp/scatter is not installed) on the same webgl backend in headless Chromium, and, for sums, against
// tfjs's own UnsortedSegmentSum. Medians after warm-up; ratios = reference time / kernel time (> 1: kernel faster).
//
//   cd tooling/bench && npx tsx src/scatter.bench.ts [--quick] [--backend webgl|wasm]
//
// Writes bench-results/scatter.json and bench-results/scatter.md at the repository root. WebGL in this headless
// Chromium is SwiftShader, a CPU emulation of a GPU: see the note printed with the table.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromiumUnavailableReason, openBrowserSession } from '@mgp/browser-harness';

type Op = 'sum' | 'mean' | 'max' | 'logSumExp' | 'softmax';
type Impl = 'kernel' | 'builtin' | 'tfjs';

interface Shape {
  rows: number;
  cols: number;
  numSegments: number;
}

const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const backend = argv.includes('--backend') ? argv[argv.indexOf('--backend') + 1] : 'webgl';
const warmup = quick ? 2 : 3;
const runs = quick ? 3 : 7;
const SHAPES: Shape[] = [
  { rows: 65_536, cols: 64, numSegments: 1_000 },
  { rows: 4_096, cols: 512, numSegments: 100 },
];
const OPS: Op[] = quick ? ['sum', 'max'] : ['sum', 'mean', 'max', 'logSumExp', 'softmax'];

/**
 * tfjs's webgl UnsortedSegmentSum compares every input with every segment (windowed): O(rows × cols × segments)
 * work. At 65,536 × 64 into 1,000 (4·10⁹ comparisons) it took the page down under SwiftShader, so it is only
 * timed where that product is moderate.
 */
function tfjsFeasible({ rows, cols, numSegments }: Shape): boolean {
  return rows * cols * numSegments <= 3e8;
}

const root = fileURLToPath(new URL('../../../', import.meta.url));
const page = fileURLToPath(new URL('../../../packages/scatter/src/testing/bench.page.ts', import.meta.url));

interface Row extends Shape {
  op: Op;
  pass: 'forward' | 'forward+backward';
  kernelMs: number;
  builtinMs: number;
  tfjsMs: number | null;
  builtinOverKernel: number;
  tfjsOverKernel: number | null;
}

async function main(): Promise<void> {
  const reason = chromiumUnavailableReason();
  if (reason) {
    console.log(`scatter bench skipped: ${reason}`);
    return;
  }
  const session = await openBrowserSession({ entry: page });
  try {
    const env = await session.call('environment');
    console.log(`Chromium: ${session.userAgent}\nGPU: ${JSON.stringify(env.value)}\nbackend ${backend}, ${warmup} warm-up + ${runs} timed runs, medians\n`);
    const rows: Row[] = [];
    const time = async (shape: Shape, op: Op, impl: Impl, backward: boolean): Promise<number> => {
      const r = await session.call('bench', { backend, ...shape, op, impl, backward, warmup, runs }, 900_000);
      if (!r.ok) throw new Error(`${impl} ${op} ${JSON.stringify(shape)}: ${r.error}`);
      const value = r.value as { medianMs: number; leaked: number };
      if (value.leaked !== 0) throw new Error(`${impl} ${op} leaked ${value.leaked} tensors`);
      return value.medianMs;
    };
    for (const shape of SHAPES) {
      const passes: Array<[Op, boolean]> = [...OPS.map((op): [Op, boolean] => [op, false]), ['sum', true], ['max', true]];
      for (const [op, backward] of passes) {
        if (quick && backward) continue;
        const kernelMs = await time(shape, op, 'kernel', backward);
        const builtinMs = await time(shape, op, 'builtin', backward);
        const tfjsMs = op === 'sum' && !backward && tfjsFeasible(shape) ? await time(shape, op, 'tfjs', false) : null;
        const row: Row = {
          ...shape,
          op,
          pass: backward ? 'forward+backward' : 'forward',
          kernelMs,
          builtinMs,
          tfjsMs,
          builtinOverKernel: builtinMs / kernelMs,
          tfjsOverKernel: tfjsMs === null ? null : tfjsMs / kernelMs,
        };
        rows.push(row);
        console.log(format(row));
      }
    }
    const gpu = env.value as { renderer: string; webglVersion: number; float32: boolean; hardwareConcurrency: number };
    const table = markdown(rows, `${gpu.renderer}, WebGL ${gpu.webglVersion}, float32 ${gpu.float32}, ${gpu.hardwareConcurrency} CPU threads`, session.userAgent);
    mkdirSync(`${root}bench-results`, { recursive: true });
    writeFileSync(`${root}bench-results/scatter.json`, JSON.stringify({ backend, warmup, runs, environment: env.value, rows }, null, 2));
    writeFileSync(`${root}bench-results/scatter.md`, table);
    console.log(`\n${table}`);
  } finally {
    await session.close();
  }
}

const ms = (v: number) => v.toFixed(v < 10 ? 2 : 1);

function format(r: Row): string {
  const tfjs = r.tfjsMs === null ? '' : `, tfjs UnsortedSegmentSum ${ms(r.tfjsMs)} ms (${r.tfjsOverKernel!.toFixed(2)}×)`;
  return `${r.rows}×${r.cols} → ${r.numSegments} ${r.op} ${r.pass}: kernel ${ms(r.kernelMs)} ms, built-in ${ms(r.builtinMs)} ms (${r.builtinOverKernel.toFixed(2)}×)${tfjs}`;
}

function markdown(rows: Row[], gpu: string, agent: string): string {
  const lines = [
    `Segment reductions on ${backend} in headless Chromium (${agent}); GPU ${gpu}.`,
    `Medians of ${runs} runs after ${warmup} warm-up runs; each run includes reading the output back.`,
    'tfjs UnsortedSegmentSum is timed only where rows × cols × segments ≤ 3·10⁸ (it does that much work).',
    'SwiftShader runs the shaders on the CPU threads listed above, so these ratios measure the work and the number of',
    'passes saved, not GPU throughput; on a real GPU both paths get far faster and the fixed per-pass cost weighs more.',
    '',
    '| input | segments | op | pass | Mgp kernel (ms) | built-in ops (ms) | built-in / kernel | tfjs UnsortedSegmentSum (ms) | tfjs / kernel |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.rows}×${r.cols} | ${r.numSegments} | ${r.op} | ${r.pass} | ${ms(r.kernelMs)} | ${ms(r.builtinMs)} | ${r.builtinOverKernel.toFixed(2)}× | ${r.tfjsMs === null ? '—' : ms(r.tfjsMs)} | ${r.tfjsOverKernel === null ? '—' : `${r.tfjsOverKernel.toFixed(2)}×`} |`,
    ),
    '',
  ];
  return lines.join('\n');
}

await main();
