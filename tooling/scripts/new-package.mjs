// Scaffolds a package folder with the shared build/test recipe. Usage: node new-package.mjs <dir> <name> <description> <json-overrides>
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const [dir, name, description, overridesJson = '{}'] = process.argv.slice(2);
const overrides = JSON.parse(overridesJson);
mkdirSync(join(dir, 'src'), { recursive: true });
const pkg = {
  name,
  version: '0.1.0',
  description,
  license: 'MIT',
  type: 'module',
  sideEffects: overrides.sideEffects ?? false,
  main: './dist/index.cjs',
  module: './dist/index.js',
  types: './dist/index.d.ts',
  exports: {
    '.': {
      source: './src/index.ts',
      import: { types: './dist/index.d.ts', default: './dist/index.js' },
      require: { types: './dist/index.d.cts', default: './dist/index.cjs' },
    },
    './package.json': './package.json',
  },
  files: ['dist'],
  scripts: { build: 'tsup', test: 'vitest run', typecheck: 'tsc --noEmit' },
  dependencies: overrides.dependencies ?? {},
  peerDependencies: { '@tensorflow/tfjs-core': '~4.22.0', ...(overrides.peerDependencies ?? {}) },
  peerDependenciesMeta: overrides.peerDependenciesMeta ?? {},
  devDependencies: {
    '@mgp/build-config': 'workspace:*',
    '@mgp/test-utils': 'workspace:*',
    '@tensorflow/tfjs': '4.22.0',
    '@tensorflow/tfjs-core': '4.22.0',
    '@tensorflow/tfjs-layers': '4.22.0',
    '@types/node': '20.19.9',
    tsup: '8.5.0',
    typescript: '5.9.3',
    vitest: '4.1.12',
    ...(overrides.devDependencies ?? {}),
  },
};
for (const key of ['dependencies', 'peerDependenciesMeta']) if (!Object.keys(pkg[key]).length) delete pkg[key];
writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');
writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ extends: '../../tsconfig.base.json', include: ['src'] }, null, 2) + '\n');
writeFileSync(join(dir, 'tsup.config.ts'), "import { packageBuild } from '@mgp/build-config/tsup';\n\nexport default packageBuild();\n");
writeFileSync(join(dir, 'vitest.config.ts'), "import { packageTests } from '@mgp/build-config/vitest';\n\nexport default packageTests();\n");
if (!existsSync(join(dir, 'src/index.ts'))) writeFileSync(join(dir, 'src/index.ts'), 'export {};\n');
