import type { RunOutcome } from '../train/experiment';
import { embeddingChartSpec } from './embedding-chart';
import { writeReportFile } from './files';
import { renderSvg, svgToPng } from './render';

/**
 * Writes the Figure-1-like picture of a 2-D run (`<name>.svg` and `<name>.png`) and returns the file names.
 * Runs with another embedding size have no such picture.
 */
export async function writeEmbeddingPicture(
  dir: string,
  name: string,
  outcome: RunOutcome,
  info: { classNames: string[]; classOrder: string[]; title: string; subtitle: string },
): Promise<{ svg: string; png: string } | null> {
  if (outcome.embeddingDim !== 2) return null;
  const { test } = outcome;
  const points = Array.from({ length: test.count }, (_, i) => ({
    x: test.embeddings[2 * i],
    y: test.embeddings[2 * i + 1],
    label: info.classNames[test.labels[i]],
  }));
  const prototypes = outcome.prototypes.map((p, c) => ({ x: p[0], y: p[1], label: info.classNames[c] }));
  const svg = await renderSvg(
    embeddingChartSpec({ title: info.title, subtitle: info.subtitle, points, prototypes, classOrder: info.classOrder, prototypeKind: outcome.prototypeKind }),
  );
  writeReportFile(dir, `${name}.svg`, svg);
  writeReportFile(dir, `${name}.png`, svgToPng(svg));
  return { svg: `${name}.svg`, png: `${name}.png` };
}

/** Leaves in depth-first order of the nested tree, so that siblings get neighbouring colours. */
export function depthFirstLeaves(nested: unknown, leafNames: readonly string[]): string[] {
  const out: string[] = [];
  const visit = (node: unknown) => {
    if (typeof node === 'string') out.push(node);
    else if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') Object.values(node).forEach(visit);
  };
  visit(nested);
  const known = out.filter((n) => leafNames.includes(n));
  return [...known, ...leafNames.filter((n) => !known.includes(n))];
}
