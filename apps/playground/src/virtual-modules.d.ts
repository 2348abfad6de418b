// The build-time data module of build/mnist-subset.ts.
declare module 'virtual:mnist-subset' {
  interface EncodedSplit {
    /** uint8 pixels, row-major 28×28 per image, base64. */
    pixels: string;
    /** uint8 class labels 0–9, base64. */
    labels: string;
    count: number;
  }
  export const side: number;
  export const source: string;
  export const train: EncodedSplit;
  export const heldOut: EncodedSplit;
}
