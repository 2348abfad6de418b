// Downloads of a trained model: tfjs's model.json + weights (model.save('downloads://...')) and the prototypes as JSON.
import type * as tfl from '@tensorflow/tfjs-layers';

export interface PrototypesFile {
  format: 'mgp-playground-prototypes';
  method: string;
  metric: string | null;
  classNames: string[];
  costMatrix: number[][];
  step: number;
  /** [K, d]: prototype c of class classNames[c]. */
  prototypes: number[][];
}

/** Saves `<name>.json` and `<name>.weights.bin` through the browser's downloads. */
export async function downloadModel(model: tfl.LayersModel, name: string): Promise<void> {
  await model.save(`downloads://${name}`);
}

export function downloadJson(value: unknown, fileName: string): void {
  const blob = new Blob([JSON.stringify(value, null, 1)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
