// A user's own data for the tests: a CSV of embeddings and a folder of images, one sub-folder per class.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { greyPng } from './png';

/** Three well-separated blobs in 5-D, `perClass` rows each, labelled cat, dog and car. */
export function blobsCsv(perClass: number): string {
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const lines = ['label,a,b,c,d,e'];
  ['cat', 'dog', 'car'].forEach((label, c) => {
    for (let i = 0; i < perClass; i++) {
      const row = Array.from({ length: 5 }, (_, j) => (j === c ? 3 : 0) + random() - 0.5);
      lines.push([label, ...row.map((v) => v.toFixed(4))].join(','));
    }
  });
  return lines.join('\n');
}

/** `<dir>/bars/*.png` (vertical bars) and `<dir>/rings/*.png` (rings), 28×28, `perClass` each with varied sizes. */
export function writeImageFolder(dir: string, perClass: number): void {
  rmSync(dir, { recursive: true, force: true });
  for (const kind of ['bars', 'rings']) {
    mkdirSync(join(dir, kind), { recursive: true });
    for (let i = 0; i < perClass; i++) {
      const pixels = new Uint8Array(28 * 28);
      for (let y = 0; y < 28; y++) {
        for (let x = 0; x < 28; x++) {
          const r = Math.hypot(x - 14, y - 14);
          const on = kind === 'bars' ? Math.abs(x - (8 + i)) < 2 + (i % 2) : Math.abs(r - (5 + (i % 6))) < 1.5;
          pixels[y * 28 + x] = on ? 255 : 0;
        }
      }
      writeFileSync(join(dir, kind, `${i}.png`), greyPng(28, 28, pixels));
    }
  }
}
