// useBackend() starts tfjs's wasm backend with its binaries found automatically and reports what runs.
import { useTestBackend } from '@mgp/test-utils';
import * as tf from '@tensorflow/tfjs-core';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { WASM_FILE_NAMES, useBackend } from './index';
import { bundledWasmUrls, locateWasmInNode } from './locate-wasm';

beforeAll(async () => {
  await useTestBackend('cpu'); // registers gradients; cpu stays available for comparisons
});

describe('useBackend', () => {
  it('makes wasm active and reports versions, SIMD, threads, precision and the extra kernels', async () => {
    const info = await useBackend();
    expect(tf.getBackend()).toBe('wasm');
    expect(info.name).toBe('wasm');
    expect(info.tfjsVersion).toBe(tf.version_core);
    expect(info.backendVersion).toBe('4.22.0');
    expect(info.simd).toBe(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT'));
    expect(info.threads).toBe(1); // tfjs runs the single-threaded build in Node
    expect(info.floatPrecision).toBe(32);
    expect(info.extraKernels).toEqual(
      expect.arrayContaining(['Conv2DBackpropFilter', 'DepthwiseConv2dNativeBackpropFilter', 'DepthwiseConv2dNativeBackpropInput', 'UnsortedSegmentSum', 'Conv2DBackpropInput', 'MaxPoolGrad']),
    );
    const y = tf.conv2d(tf.ones([1, 3, 3, 1]) as tf.Tensor4D, tf.ones([2, 2, 1, 1]) as tf.Tensor4D, 1, "valid");
    expect(Array.from(y.dataSync())).toEqual([4, 4, 4, 4]);
    y.dispose();
  });

  it('can be called again, and notes that start-up options no longer apply', async () => {
    await tf.setBackend('cpu');
    const info = await useBackend({ simd: false });
    expect(tf.getBackend()).toBe('wasm');
    expect(info.notes.join(' ')).toMatch(/already started/);
  });

  it('rejects bad options before starting anything, naming the option', async () => {
    await expect(useBackend({ threads: 0 })).rejects.toThrow("useBackend: argument 'options.threads' must be a positive integer; got 0");
    await expect(useBackend({ wasmPaths: '/opt/wasm' })).rejects.toThrow("as a folder prefix must end with '/'");
    await expect(useBackend({ wasmPaths: { 'nope.wasm': 'x' } as never })).rejects.toThrow("has unknown binary 'nope.wasm'");
    await expect(useBackend({ thread: 2 } as never)).rejects.toThrow("has unknown key(s) 'thread'");
    await expect(useBackend({ simd: 'yes' } as never)).rejects.toThrow("argument 'options.simd' must be true or false; got 'yes'");
    await expect(useBackend({ replaceSlowKernels: 1 } as never)).rejects.toThrow("argument 'options.replaceSlowKernels' must be true or false; got 1");
  });

  it('tells the user to import @tensorflow/tfjs when no gradients are registered', async () => {
    const grad = tf.getGradient('BatchMatMul')!;
    tf.unregisterGradient('BatchMatMul');
    try {
      await expect(useBackend()).rejects.toThrow(/import '@tensorflow\/tfjs'/);
      await expect(useBackend({ requireGradients: false })).resolves.toMatchObject({ name: 'wasm' });
    } finally {
      tf.registerGradient(grad);
    }
  });
});

describe('locating the .wasm binaries', () => {
  it('in Node: the installed @tensorflow/tfjs-backend-wasm dist folder, holding all three', () => {
    const { paths } = locateWasmInNode();
    expect(typeof paths).toBe('string');
    expect(paths as string).toMatch(/@tensorflow[/\\]tfjs-backend-wasm[/\\]dist[/\\]$/);
    for (const name of WASM_FILE_NAMES) expect(existsSync((paths as string) + name), name).toBe(true);
  });

  it('for bundlers: new URL(…, import.meta.url) references to this package\'s dist/wasm copies', () => {
    const { paths } = bundledWasmUrls();
    for (const name of WASM_FILE_NAMES) {
      const url = (paths as Record<string, string>)[name];
      expect(url).toMatch(new RegExp(`/packages/backend-wasm/dist/wasm/${name}$`));
      expect(fileURLToPath(url)).toBe(fileURLToPath(new URL(`../dist/wasm/${name}`, import.meta.url)));
    }
  });
});
