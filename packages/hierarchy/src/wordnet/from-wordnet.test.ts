import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MgpInputError } from '@mgp/metrics';
import { loadHierarchyData } from '@mgp/test-utils';
import { Hierarchy } from '../tree/hierarchy';

const DIR = '/usr/share/wordnet';
const haveWordNet = existsSync(`${DIR}/data.noun`) && existsSync(`${DIR}/index.noun`);
if (!haveWordNet) console.warn(`skipping WordNet tests: ${DIR}/data.noun and index.noun are absent (apt-get install wordnet-base)`);

// Fashion-MNIST classes in label order, as WordNet 3.0 noun synsets.
const FASHION_SYNSETS = [
  'tee_shirt.n.01', // T-shirt/top (the synset jersey.n.03: jersey, T-shirt, tee shirt)
  'trouser.n.01',
  'pullover.n.01',
  'dress.n.01',
  'coat.n.01',
  'sandal.n.01',
  'shirt.n.01',
  'gym_shoe.n.01', // sneaker
  'bag.n.04',
  'boot.n.01',
];

async function expectInputError(call: () => Promise<unknown>, message: string): Promise<void> {
  const error = await call().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MgpInputError);
  expect((error as Error).message).toBe(message);
}

describe.skipIf(!haveWordNet)('Hierarchy.fromWordNet (WordNet 3.0 at /usr/share/wordnet)', () => {
  const names = loadHierarchyData('fashion-mnist').leaves;

  it('Fashion-MNIST: T-shirt is closer to shirt than to sandal, sneaker closer to sandal than to bag', async () => {
    const h = await Hierarchy.fromWordNet(FASHION_SYNSETS, { names });
    expect(h.leaves).toEqual(names);
    expect(h.id(h.root)).toBe('entity.n.01');
    const d = (a: string, b: string) => h.distance(a, b);
    expect(d('T-shirt/top', 'Shirt')).toBeLessThan(d('T-shirt/top', 'Sandal'));
    expect(d('T-shirt/top', 'Shirt')).toBeLessThan(d('T-shirt/top', 'Trouser'));
    expect(d('Sneaker', 'Sandal')).toBeLessThan(d('Sneaker', 'Bag'));
    expect(d('Pullover', 'Coat')).toBeLessThan(d('Pullover', 'Ankle boot'));
    // The first-hypernym paths, as WordNet 3.0 gives them.
    expect(h.path('T-shirt/top').slice(-3)).toEqual(['garment.n.01', 'shirt.n.01', 'T-shirt/top']);
    expect(h.path('Sandal').slice(-3)).toEqual(['footwear.n.02', 'shoe.n.01', 'Sandal']);
    // shirt.n.01 is both a class and T-shirt's hypernym: the class hangs below it as a leaf.
    expect(h.path('Shirt').slice(-2)).toEqual(['shirt.n.01', 'Shirt']);
    expect(h.distance('T-shirt/top', 'Shirt')).toBe(2);
    expect(h.distance('T-shirt/top', 'Sandal')).toBe(7);
  });

  it('is reproducible: same matrix on every build, whatever the order or spelling of the synsets', async () => {
    const a = await Hierarchy.fromWordNet(FASHION_SYNSETS, { names });
    const b = await Hierarchy.fromWordNet(FASHION_SYNSETS, { names });
    expect(b.distanceMatrix()).toEqual(a.distanceMatrix());
    expect(b.toJSON()).toEqual(a.toJSON());
    // The same classes in reverse order, label order restored by `leaves`.
    const reversed = await Hierarchy.fromWordNet([...FASHION_SYNSETS].reverse(), { names: [...names].reverse(), leaves: names });
    expect(reversed.distanceMatrix()).toEqual(a.distanceMatrix());
  });

  it('reads synsets as lemma.n.NN, wnid and data.noun offset alike', async () => {
    // Sense numbers follow this index.noun: oak.n.02 is the tree (12268246), oak.n.01 its wood.
    const byName = await Hierarchy.fromWordNet(['dog.n.01', 'cat.n.01', 'oak.n.02']);
    const byWnid = await Hierarchy.fromWordNet(['n02084071', 'n02121620', 'n12268246']);
    const byOffset = await Hierarchy.fromWordNet([2084071, '02121620', 12268246]);
    expect(byName.leaves).toEqual(['dog.n.01', 'cat.n.01', 'oak.n.02']);
    expect(byWnid.toJSON()).toEqual(byName.toJSON());
    expect(byOffset.toJSON()).toEqual(byName.toJSON());
    expect(byName.distance('dog.n.01', 'cat.n.01')).toBeLessThan(byName.distance('dog.n.01', 'oak.n.02'));
    expect(byName.id(byName.lca('dog.n.01', 'cat.n.01'))).toBe('carnivore.n.01');
  });

  it('CIFAR-100 names: fine classes of one superclass are closer than across; a class above another hangs below itself', async () => {
    const h = await Hierarchy.fromWordNet(['maple.n.02', 'oak.n.02', 'dolphin.n.02', 'whale.n.02', 'beaver.n.07']);
    expect(h.distance('maple.n.02', 'oak.n.02')).toBeLessThan(h.distance('maple.n.02', 'whale.n.02'));
    expect(h.distance('dolphin.n.02', 'whale.n.02')).toBeLessThan(h.distance('dolphin.n.02', 'oak.n.02'));
    expect(h.distance('whale.n.02', 'beaver.n.07')).toBeLessThan(h.distance('whale.n.02', 'maple.n.02'));
    // whale.n.02 is a hypernym of dolphin.n.02: its internal node is renamed, the class keeps the name.
    expect(h.id(h.parent('whale.n.02') as number)).toBe('whale.n.02:group');
    expect(h.path('dolphin.n.02')).toContain('whale.n.02:group');
  });

  it('refuses bad synsets with clear errors', async () => {
    await expectInputError(() => Hierarchy.fromWordNet(['dog.n.01', 'dog.n.01']), "Hierarchy.fromWordNet: argument 'synsets' must name each synset once; dog.n.01 is at index 0 and 1");
    await expectInputError(() => Hierarchy.fromWordNet(['dog.n.01', 'n02084071']), "Hierarchy.fromWordNet: argument 'synsets' must name each synset once; dog.n.01 is at index 0 and 1");
    await expectInputError(() => Hierarchy.fromWordNet(['qwxzz.n.01']), "Hierarchy.fromWordNet: argument 'synsets' must name WordNet nouns; 'qwxzz' (synsets[0] = 'qwxzz.n.01') is not in index.noun");
    await expectInputError(() => Hierarchy.fromWordNet(['dog.n.99']), "Hierarchy.fromWordNet: argument 'synsets' must use an existing sense; 'dog' has senses 1..7; got 'dog.n.99' at index 0");
    await expectInputError(() => Hierarchy.fromWordNet(['run.v.01']), "Hierarchy.fromWordNet: argument 'synsets' must hold noun synsets ('.n.'); got 'run.v.01' at index 0");
    await expectInputError(() => Hierarchy.fromWordNet(['dog']), "Hierarchy.fromWordNet: argument 'synsets' must hold synsets as 'lemma.n.NN', offsets or wnids such as 'n02084071'; got 'dog' at index 0");
    await expectInputError(() => Hierarchy.fromWordNet([2084072]), "Hierarchy.fromWordNet: argument 'synsets' must name noun synsets of WordNet 3.0; data.noun has no synset at offset 2084072 (synsets[0])");
    await expectInputError(() => Hierarchy.fromWordNet([]), "Hierarchy.fromWordNet: argument 'synsets' must be a non-empty array of noun synsets; got an array of shape [0]");
    await expectInputError(() => Hierarchy.fromWordNet(['dog.n.01'], { names: ['a', 'b'] }), "Hierarchy.fromWordNet: argument 'options.names' must hold one non-empty name per synset (1); got an array of shape [2]");
    await expectInputError(
      () => Hierarchy.fromWordNet(['shirt.n.01', 'tee_shirt.n.01'], { internalLabels: 'error' }),
      "Hierarchy.fromWordNet: argument 'synsets' must name leaves, not internal nodes; 'entity.n.01/physical_entity.n.01/object.n.01/whole.n.02/artifact.n.01/covering.n.02/clothing.n.01/garment.n.01/shirt.n.01' (index 0) has children 'jersey.n.03'",
    );
  });
});

describe('Hierarchy.fromWordNet without the files', () => {
  it('names the missing folder', async () => {
    await expectInputError(
      () => Hierarchy.fromWordNet(['dog.n.01'], { dir: '/nonexistent/wordnet' }),
      "Hierarchy.fromWordNet: argument 'options.dir' must be a folder with WordNet 3.0's data.noun and index.noun (Debian's wordnet-base installs /usr/share/wordnet); cannot read /nonexistent/wordnet/data.noun: ENOENT",
    );
  });

  it('names the one file that is missing', async () => {
    // Both files are read at once: the error must name the missing one, whichever read finishes first.
    const dir = mkdtempSync(join(tmpdir(), 'wordnet-'));
    writeFileSync(join(dir, 'data.noun'), '');
    await expectInputError(
      () => Hierarchy.fromWordNet(['dog.n.01'], { dir }),
      `Hierarchy.fromWordNet: argument 'options.dir' must be a folder with WordNet 3.0's data.noun and index.noun (Debian's wordnet-base installs /usr/share/wordnet); cannot read ${join(dir, 'index.noun')}: ENOENT`,
    );
    rmSync(dir, { recursive: true });
  });

  it('reads files given as text (tiny hand-made WordNet), and survives malformed lines', async () => {
    // Offsets are byte positions of each line in data.noun.
    const lines = [
      '00000000 03 n 01 thing 0 000 | root',
      '', // placeholder lines filled below
      '',
    ];
    const first = `${lines[0]}\n`;
    const o1 = first.length;
    const line1 = `${String(o1).padStart(8, '0')} 05 n 01 animal 0 001 @ 00000000 n 0000 | an animal`;
    const o2 = o1 + line1.length + 1;
    const line2 = `${String(o2).padStart(8, '0')} 05 n 02 cat 0 true_cat 0 001 @ ${String(o1).padStart(8, '0')} n 0000 | a cat`;
    const dataNoun = `${first}${line1}\n${line2}\n`;
    const indexNoun = `  license line\nthing n 1 0 1 0 00000000\nanimal n 1 1 @ 1 0 ${String(o1).padStart(8, '0')}\ncat n 1 1 @ 1 0 ${String(o2).padStart(8, '0')}\n`;
    const h = await Hierarchy.fromWordNet(['cat.n.01', 'thing.n.01'], { files: { dataNoun, indexNoun }, internalLabels: 'leafChild' });
    expect(h.toNested()).toEqual({ 'thing.n.01:group': [{ 'animal.n.01': ['cat.n.01'] }, 'thing.n.01'] });
    // A corrupt line where a synset should be.
    const broken = dataNoun.replace(/05 n 02 cat/, '05 x 02 cat');
    await expectInputError(
      () => Hierarchy.fromWordNet(['cat.n.01'], { files: { dataNoun: broken, indexNoun } }),
      `Hierarchy.fromWordNet: argument 'synsets' must name noun synsets of WordNet 3.0; data.noun has no synset at offset ${o2} (synsets[0] = 'cat.n.01')`,
    );
  });
});
