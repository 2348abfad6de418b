import { gunzipSync } from 'node:zlib';

/** An IDX array (the MNIST file format): unsigned bytes and their dimensions. */
export interface IdxArray {
  dims: number[];
  data: Uint8Array;
}

/**
 * Parses an IDX file, gzipped or not. Only the unsigned-byte type (0x08) is used by the MNIST family, so
 * other types are refused with a message rather than read wrongly.
 */
export function parseIdx(buffer: Uint8Array, name = 'IDX file'): IdxArray {
  const bytes = buffer[0] === 0x1f && buffer[1] === 0x8b ? gunzipSync(buffer) : buffer;
  if (bytes.length < 4 || bytes[0] !== 0 || bytes[1] !== 0) {
    throw new Error(`${name}: not an IDX file (the first two bytes must be 0)`);
  }
  if (bytes[2] !== 0x08) {
    throw new Error(`${name}: IDX data type 0x${bytes[2].toString(16)} is not supported (only unsigned bytes, 0x08)`);
  }
  const rank = bytes[3];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dims: number[] = [];
  for (let i = 0; i < rank; i++) dims.push(view.getUint32(4 + 4 * i, false));
  const start = 4 + 4 * rank;
  const size = dims.reduce((a, b) => a * b, 1);
  if (bytes.length - start !== size) {
    throw new Error(`${name}: header says ${dims.join('×')} = ${size} values but ${bytes.length - start} bytes follow`);
  }
  return { dims, data: bytes.subarray(start) };
}
