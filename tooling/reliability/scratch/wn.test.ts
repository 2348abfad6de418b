import { it } from 'vitest';
import { Hierarchy } from '@mgp/hierarchy';
import { wordNetFiles } from '../src/fuzz/wordnet-files';
it('wn', async () => {
  const spec = { parents: [-1, 0, 1, 2], names: ['a', 'b', 'c', 'd'], nested: {}, paths: [] };
  const files = wordNetFiles(spec);
  console.log(files.dataNoun, files.indexNoun);
  const offsets = [...files.dataNoun.matchAll(/^(\d{8}) /gm)].map((m) => m[1]);
  const repoint = (from: number, to: string) => files.dataNoun.replace(new RegExp(`^(${offsets[from]} .*@ )\\d{8}`, 'm'), `$1${to}`);
  for (const [n, dataNoun] of [['self', repoint(1, offsets[1])], ['cycle', repoint(1, offsets[3])], ['dangling', repoint(2, '99999999')], ['mid', repoint(2, String(Number(offsets[2]) + 3).padStart(8, '0'))]] as const) {
    try { const h = await Hierarchy.fromWordNet(['w3.n.01'], { files: { dataNoun, indexNoun: files.indexNoun } }); console.log(n, 'TREE', JSON.stringify(h.toJSON())); }
    catch (e) { console.log(n, (e as Error).name, (e as Error).message.slice(0, 200)); }
  }
});
