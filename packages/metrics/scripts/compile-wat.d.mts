export const WAT_PATH: string;
export function compileWat(source: string): Promise<Uint8Array>;
export function binaryModuleSource(bytes: Uint8Array): string;
