import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseIdx } from './idx';

function idx(dims: number[], values: number[], type = 0x08): Uint8Array {
  const header = new Uint8Array(4 + 4 * dims.length);
  header[2] = type;
  header[3] = dims.length;
  const view = new DataView(header.buffer);
  dims.forEach((d, i) => view.setUint32(4 + 4 * i, d, false));
  return new Uint8Array([...header, ...values]);
}

describe('parseIdx', () => {
  it('reads dimensions (big-endian) and bytes, gzipped or not', () => {
    const raw = idx([2, 2, 3], [0, 1, 2, 3, 4, 5, 250, 251, 252, 253, 254, 255]);
    for (const buffer of [raw, gzipSync(raw)]) {
      const parsed = parseIdx(buffer);
      expect(parsed.dims).toEqual([2, 2, 3]);
      expect(Array.from(parsed.data)).toEqual([0, 1, 2, 3, 4, 5, 250, 251, 252, 253, 254, 255]);
    }
  });

  it('refuses other data types, bad magic and truncated files with the file name', () => {
    expect(() => parseIdx(idx([2], [1, 2], 0x0d), 'x.idx')).toThrow(/x\.idx: IDX data type 0xd is not supported/);
    expect(() => parseIdx(new Uint8Array([1, 2, 3, 4]), 'y.idx')).toThrow(/y\.idx: not an IDX file/);
    expect(() => parseIdx(idx([3], [1, 2]), 'z.idx')).toThrow(/z\.idx: header says 3 = 3 values but 2 bytes follow/);
  });
});
