import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder of @mgp/cli's package.json. Sources (src/data/) and the bundle (dist/) sit at different depths,
 * so walk up instead of hard-coding `../..`.
 */
export function cliPackageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === '@mgp/cli') return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('@mgp/cli: cannot find its own package.json above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
}
