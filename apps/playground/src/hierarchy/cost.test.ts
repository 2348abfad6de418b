import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MgpInputError } from '@mgp/metrics';
import { describe, expect, it } from 'vitest';
import { DIGIT_NAMES } from '../data/digits';
import { absoluteCost, classCost, parseUserHierarchy, VISUAL_DIGIT_TREE } from './cost';

const repoData = (name: string) => JSON.parse(readFileSync(fileURLToPath(new URL(`../../../../tooling/test-utils/data/${name}`, import.meta.url)), 'utf8'));

describe('class costs', () => {
  const seed = repoData('mnist-digits-hierarchy.json');

  it("the page's copy of the visual digit tree gives the seed's MNIST_D_visual", () => {
    expect(VISUAL_DIGIT_TREE.tree).toEqual(seed.tree);
    expect(classCost('visual', DIGIT_NAMES, null).D).toEqual(seed.distance_visual_leaves);
  });

  it("|i − j| is the seed's MNIST_D_absolute", () => {
    expect(absoluteCost(10)).toEqual(seed.distance_absolute);
    expect(classCost('absolute', DIGIT_NAMES, null).tree).toBeNull();
  });

  it('reads a user hierarchy in the shape of the data files, in the class order asked for', () => {
    const fashion = repoData('fashion-mnist-hierarchy.json');
    const names = [...fashion.leaves].reverse();
    const cost = classCost('user', names, JSON.stringify({ tree: fashion.tree, leaves: fashion.leaves }));
    expect(cost.tree?.leaves).toEqual(names);
    expect(cost.D.length).toBe(names.length);
  });

  it('says what is wrong with a bad hierarchy, as MgpInputError', () => {
    expect(() => parseUserHierarchy('{"tree": ', DIGIT_NAMES)).toThrow(/must be valid JSON/);
    expect(() => parseUserHierarchy('{"root": []}', DIGIT_NAMES)).toThrow(MgpInputError);
    expect(() => parseUserHierarchy('{"root": ["0", "1"]}', DIGIT_NAMES)).toThrow(/'2'/);
    expect(() => classCost('user', DIGIT_NAMES, '')).toThrow(/must be given/);
    // The digit tree does not fit other classes.
    expect(() => classCost('visual', ['a', 'b'], null)).toThrow(MgpInputError);
  });
});
