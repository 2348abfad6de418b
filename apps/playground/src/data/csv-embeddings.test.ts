import { MgpInputError } from '@mgp/metrics';
import { describe, expect, it } from 'vitest';
import { readEmbeddingsCsv } from './csv-embeddings';

const rows = (n: number) =>
  Array.from({ length: n }, (_, i) => `${['cat', 'dog', 'car'][i % 3]},${i},${2 * i}`).join('\n');

describe('readEmbeddingsCsv', () => {
  it('reads label,v1,...,vd rows (header optional), holds out every fifth example of a class, standardizes columns', () => {
    const dataset = readEmbeddingsCsv(`label,x,y\n${rows(30)}`);
    expect(dataset.classNames).toEqual(['car', 'cat', 'dog']);
    expect(dataset.inputShape).toEqual([2]);
    expect(dataset.train.count + dataset.heldOut.count).toBe(30);
    expect(dataset.heldOut.count).toBe(6);
    const column0 = Array.from(dataset.train.x).filter((_, i) => i % 2 === 0);
    const mean = column0.reduce((a, b) => a + b, 0) / column0.length;
    expect(mean).toBeCloseTo(0, 5);
    // Without a header the same rows give the same data.
    expect(readEmbeddingsCsv(rows(30)).train.x).toEqual(dataset.train.x);
  });

  it('names the line and column of a bad value', () => {
    expect(() => readEmbeddingsCsv(`${rows(10)}\ncat,1,oops`)).toThrow(/line 11, column 3 is 'oops'/);
    expect(() => readEmbeddingsCsv(`${rows(10)}\ncat,1`)).toThrow(/line 11 has 2 but line 1 has 3/);
  });

  it('rejects empty text, a single class, and classes with a single example, as MgpInputError', () => {
    expect(() => readEmbeddingsCsv('  ')).toThrow(MgpInputError);
    expect(() => readEmbeddingsCsv('a,1\na,2\na,3')).toThrow(/at least 2 classes/);
    expect(() => readEmbeddingsCsv('a,1\na,2\na,3\na,4\na,5\nb,1')).toThrow(/'b' has fewer/);
  });
});
