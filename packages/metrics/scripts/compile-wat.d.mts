export interface WatModule {
  name: string;
  /** The .wat it compiles (its own name unless it is a variant of another module). */
  source: string;
  /** What a variant changes, for the generated file's header. */
  variant?: string;
  constant: string;
  watPath: string;
  outputPath: string;
  /** Rewrites the source before it compiles (the identity for modules compiled as written). */
  transform(source: string): string;
  /** WebAssembly features besides SIMD, as wabt names them. */
  features: Record<string, boolean>;
}
export const MODULES: WatModule[];
export function compileWat(source: string, name?: string, features?: Record<string, boolean>): Promise<Uint8Array>;
export function moduleBytes(module: WatModule): Promise<Uint8Array>;
export function relaxedMultiplyAdds(source: string): string;
export function binaryModuleSource(bytes: Uint8Array, module: Pick<WatModule, 'name' | 'constant'> & Partial<Pick<WatModule, 'source' | 'variant'>>): string;
