// A user's dataset as image files in one folder per class (`<root>/<class>/<image>`), read at 28×28 grey.
import { MgpInputError } from '@mgp/metrics';
import type { Dataset } from './dataset';
import { sortClassNames } from './class-names';
import { holdOut, standardize } from './hold-out';

const FN = 'readImageFolder';
const SIDE = 28;
/** Cap on images read (the page trains in memory). */
export const MAX_IMAGES = 20_000;

/** The class of a file picked with a folder input: the name of the folder that holds it. */
export function classOfPath(relativePath: string): string | null {
  const parts = relativePath.split('/').filter(Boolean);
  return parts.length >= 2 ? parts[parts.length - 2] : null;
}

async function greyPixels(file: File, context: OffscreenCanvasRenderingContext2D): Promise<Float32Array> {
  const bitmap = await createImageBitmap(file);
  context.clearRect(0, 0, SIDE, SIDE);
  context.drawImage(bitmap, 0, 0, SIDE, SIDE);
  bitmap.close();
  const { data } = context.getImageData(0, 0, SIDE, SIDE);
  const out = new Float32Array(SIDE * SIDE);
  for (let i = 0; i < out.length; i++) out[i] = (0.299 * data[4 * i] + 0.587 * data[4 * i + 1] + 0.114 * data[4 * i + 2]) / 255;
  return out;
}

/** Reads every image file (by its folder) into a 28×28 grey Dataset; every fifth image of a class is held out. */
export async function readImageFolder(files: readonly File[]): Promise<Dataset> {
  const images = files.filter((f) => f.type.startsWith('image/') || /\.(png|jpe?g|gif|bmp|webp)$/i.test(f.name));
  if (images.length === 0) throw new MgpInputError(FN, 'files', `must hold image files (png, jpeg, ...) in one folder per class; got ${files.length} file(s) and no image`);
  if (images.length > MAX_IMAGES) throw new MgpInputError(FN, 'files', `must hold at most ${MAX_IMAGES} images; got ${images.length}`);
  const named = images.map((file) => ({ file, name: classOfPath(file.webkitRelativePath || file.name) }));
  const loose = named.find((n) => n.name === null);
  if (loose) throw new MgpInputError(FN, 'files', `must sit in one folder per class (<folder>/<class>/<image>); '${loose.file.name}' has no class folder`);
  const classNames = sortClassNames(named.map((n) => n.name as string));
  if (classNames.length < 2) throw new MgpInputError(FN, 'files', `must hold at least 2 class folders; got only '${classNames[0]}'`);
  const index = new Map(classNames.map((c, i) => [c, i]));
  const context = new OffscreenCanvas(SIDE, SIDE).getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('readImageFolder: this browser gives no 2-D canvas context');
  const x = new Float32Array(named.length * SIDE * SIDE);
  for (const [i, { file }] of named.entries()) {
    try {
      x.set(await greyPixels(file, context), i * SIDE * SIDE);
    } catch (cause) {
      throw new MgpInputError(FN, 'files', `must be images the browser can decode; '${file.webkitRelativePath || file.name}' is not (${String(cause)})`);
    }
  }
  const labels = Int32Array.from(named, (n) => index.get(n.name as string) as number);
  const { train, heldOut } = holdOut(x, labels, SIDE * SIDE);
  if (heldOut.count === 0) throw new MgpInputError(FN, 'files', 'must hold at least 5 images of some class (every fifth is held out for evaluation)');
  standardize(train, heldOut, SIDE * SIDE, false);
  return { name: `images (${named.length} in ${classNames.length} folders)`, kind: 'images', inputShape: [SIDE, SIDE, 1], classNames, train, heldOut };
}
