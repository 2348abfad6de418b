export interface WatModule {
  name: string;
  constant: string;
  watPath: string;
  outputPath: string;
}
export const MODULES: WatModule[];
export function compileWat(source: string, name?: string): Promise<Uint8Array>;
export function binaryModuleSource(bytes: Uint8Array, module: Pick<WatModule, 'name' | 'constant'>): string;
