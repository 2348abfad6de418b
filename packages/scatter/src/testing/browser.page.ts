// The Chromium test page (built by @mgp/browser-harness): the same checks as the Node tests, on 'webgl' and 'wasm'.
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import fc from 'fast-check';
import { exposeTests, wasmBaseUrl } from '@mgp/browser-harness/page';
import { scatterCases } from './cases';
import { checkForward, checkGradient, FACADE_OPS, KERNEL_OPS, OP_NAMES } from './checks';
import { mismatch } from './reference';

setWasmPaths(wasmBaseUrl());

async function use(backend: unknown): Promise<string> {
  if (typeof backend !== 'string') throw new Error(`expected a backend name; got ${String(backend)}`);
  if (!(await tf.setBackend(backend))) throw new Error(`backend '${backend}' failed to start`);
  await tf.ready();
  return tf.getBackend();
}

function webglRenderer(): string {
  const gl = document.createElement('canvas').getContext('webgl2');
  if (!gl) return 'no WebGL2 context';
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  return info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : String(gl.getParameter(gl.RENDERER));
}

exposeTests({
  async environment(backend) {
    const active = await use(backend);
    return {
      backend: active,
      kernelRegistered: tf.getKernel('MgpScatterSum', active) != null,
      webglVersion: active === 'webgl' ? tf.env().getNumber('WEBGL_VERSION') : null,
      float32Render: active === 'webgl' ? tf.env().getBool('WEBGL_RENDER_FLOAT32_ENABLED') : null,
      renderer: webglRenderer(),
    };
  },
  async forward(backend) {
    await use(backend);
    const out: Array<Record<string, unknown>> = [];
    for (const c of scatterCases()) {
      for (const op of OP_NAMES) out.push({ case: c.name, op, ...(await checkForward(op, c, c.ids.length + 17)) });
    }
    return out;
  },
  async gradients(backend) {
    await use(backend);
    const out: Array<Record<string, unknown>> = [];
    for (const c of scatterCases().filter((k) => k.shape.reduce((a, b) => a * b, 1) <= 200)) {
      for (const op of OP_NAMES) out.push({ case: c.name, op, ...(await checkGradient(op, c, c.ids.length + 5)) });
    }
    return out;
  },
  /** fast-check: on random shapes, axes, segmentations and values, the kernel equals the built-in path. */
  async property(backend) {
    await use(backend);
    const problem = fc
      .record({
        shape: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 3 }),
        axisSeed: fc.nat(),
        numSegments: fc.integer({ min: 1, max: 12 }),
      })
      .chain(({ shape, axisSeed, numSegments }) => {
        const axis = axisSeed % shape.length;
        const size = shape.reduce((a, b) => a * b, 1);
        return fc.record({
          shape: fc.constant(shape),
          axis: fc.constant(axis),
          numSegments: fc.constant(numSegments),
          ids: fc.array(fc.integer({ min: 0, max: numSegments - 1 }), { minLength: shape[axis], maxLength: shape[axis] }),
          values: fc.array(fc.float({ min: -3, max: 3, noNaN: true, noDefaultInfinity: true }), { minLength: size, maxLength: size }),
          op: fc.constantFrom(...OP_NAMES),
        });
      });
    const details = fc.check(
      fc.property(problem, ({ shape, axis, numSegments, ids, values, op }) => {
        const [k, b] = tf.tidy(() => {
          const x = tf.tensor(values, shape);
          return [
            KERNEL_OPS[op](x, ids, numSegments, { axis }).dataSync(),
            FACADE_OPS[op](x, ids, numSegments, { axis, implementation: 'builtin' }).dataSync(),
          ];
        });
        return mismatch(k, b) === 'equal';
      }),
      { numRuns: 40, seed: 424242 },
    );
    return { failed: details.failed, numRuns: details.numRuns, counterexample: details.counterexample ? JSON.stringify(details.counterexample) : null };
  },
  /**
   * Restarts the webgl backend as WebGL1 (tfjs's WEBGL_VERSION flag) to run the shader's constant-bound loop
   * variant. Leaves the page's webgl backend on WebGL1: call it last.
   */
  async webgl1Forward() {
    const factory = tf.findBackendFactory('webgl');
    tf.removeBackend('webgl');
    tf.env().reset(); // flags evaluated for the WebGL2 context (timer queries, fences, …) are re-evaluated
    tf.env().set('WEBGL_VERSION', 1);
    tf.registerBackend('webgl', factory, 2);
    await use('webgl');
    const out: Array<Record<string, unknown>> = [{ case: 'WEBGL_VERSION', op: '-', webglVersion: tf.env().getNumber('WEBGL_VERSION') === 1 }];
    for (const c of scatterCases().slice(0, 5)) {
      for (const op of OP_NAMES) out.push({ case: c.name, op, ...(await checkForward(op, c, c.ids.length + 17)) });
    }
    return out;
  },
  async leaks(backend) {
    await use(backend);
    const x = tf.randomNormal([40, 3]);
    const ids = Array.from({ length: 40 }, (_, i) => (i * 7) % 11);
    const before = tf.memory().numTensors;
    for (const op of OP_NAMES) {
      tf.dispose(KERNEL_OPS[op](x, ids, 12));
      tf.dispose(tf.grad((v: tf.Tensor) => tf.sum(KERNEL_OPS[op](v, ids, 12)))(x));
    }
    const leaked = tf.memory().numTensors - before;
    x.dispose();
    return { leaked };
  },
});
