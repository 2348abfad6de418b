// The golden cases for the page: the same files @mgp/test-utils reads in Node (its loader uses node:fs).
import type { Golden } from '@mgp/test-utils';
import golden1 from '@mgp/test-utils/fixtures/golden-1.json';
import golden2 from '@mgp/test-utils/fixtures/golden-2.json';
import golden3 from '@mgp/test-utils/fixtures/golden-3.json';

export const browserGoldens: Array<[string, Golden]> = [
  ['golden-1', golden1 as unknown as Golden],
  ['golden-2', golden2 as unknown as Golden],
  ['golden-3', golden3 as unknown as Golden],
];
