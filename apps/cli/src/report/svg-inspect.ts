/** Number of marks (`<path>`) in the SVG group of a Vega layer, e.g. 'layer_0_marks'. For tests. */
export function countLayerMarks(svg: string, layer: string): number {
  const start = svg.indexOf(`${layer}"`);
  if (start < 0) return 0;
  const end = svg.indexOf('</g>', start);
  return svg.slice(start, end).split('<path').length - 1;
}

/** Width and height from a PNG's IHDR chunk, after checking the 8-byte signature. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!signature.every((b, i) => png[i] === b)) throw new Error('not a PNG: bad signature');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  if (String.fromCharCode(...png.subarray(12, 16)) !== 'IHDR') throw new Error('not a PNG: no IHDR first');
  return { width: view.getUint32(16, false), height: view.getUint32(20, false) };
}
