// The class hierarchy as a dendrogram (SVG): root at the top, leaves (the classes, in their colours) at the bottom.
import type { Hierarchy } from '@mgp/hierarchy';
import { classColors } from './palette';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 420;
const HEIGHT = 230;

function svgElement<K extends keyof SVGElementTagNameMap>(name: K, attributes: Record<string, string | number>): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  return element;
}

/** x of every node: leaves evenly in depth-first order, an internal node above the middle of its children. */
function layout(tree: Hierarchy): { x: Map<number, number>; order: number[] } {
  const x = new Map<number, number>();
  const order: number[] = [];
  const visit = (node: number): number => {
    const children = tree.children(node);
    if (children.length === 0) {
      order.push(node);
      x.set(node, order.length - 1);
      return order.length - 1;
    }
    const xs = children.map(visit);
    const mid = (Math.min(...xs) + Math.max(...xs)) / 2;
    x.set(node, mid);
    return mid;
  };
  visit(tree.root);
  return { x, order };
}

export function renderTree(container: HTMLElement, tree: Hierarchy | null, classNames: string[], note: string): void {
  const svg = svgElement('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, width: WIDTH, height: HEIGHT, role: 'img' });
  const colors = classColors(classNames.length);
  if (!tree) {
    // |i − j|: the classes on a line, cost growing with the gap.
    const step = (WIDTH - 40) / Math.max(1, classNames.length - 1);
    svg.append(svgElement('line', { x1: 20, y1: HEIGHT / 2, x2: WIDTH - 20, y2: HEIGHT / 2, stroke: '#999' }));
    classNames.forEach((name, i) => {
      svg.append(svgElement('circle', { cx: 20 + i * step, cy: HEIGHT / 2, r: 9, fill: colors[i], stroke: '#333' }));
      const label = svgElement('text', { x: 20 + i * step, y: HEIGHT / 2 + 26, 'text-anchor': 'middle', 'font-size': 11 });
      label.textContent = name;
      svg.append(label);
    });
  } else {
    const { x, order } = layout(tree);
    const leafDepth = tree.maxDepth;
    const sx = (v: number) => 20 + (v / Math.max(1, order.length - 1)) * (WIDTH - 40);
    const sy = (node: number) => 18 + ((tree.isLeaf(node) ? leafDepth : tree.depth(node)) / Math.max(1, leafDepth)) * (HEIGHT - 58);
    for (let node = 0; node < tree.numNodes; node++) {
      const parent = tree.parent(node);
      if (parent === null) continue;
      const px = sx(x.get(parent) as number);
      const py = sy(parent);
      const cx = sx(x.get(node) as number);
      svg.append(svgElement('path', { d: `M${px},${py} H${cx} V${sy(node)}`, fill: 'none', stroke: '#777', 'stroke-width': 1.4 }));
    }
    for (let node = 0; node < tree.numNodes; node++) {
      const leaf = tree.isLeaf(node);
      const cx = sx(x.get(node) as number);
      const cy = sy(node);
      svg.append(svgElement('circle', { cx, cy, r: leaf ? 7 : 3.5, fill: leaf ? (colors[node] ?? '#999') : '#555', stroke: leaf ? '#333' : 'none' }));
      const label = svgElement('text', { x: cx, y: leaf ? cy + 22 : cy - 7, 'text-anchor': 'middle', 'font-size': leaf ? 11 : 9, fill: leaf ? '#111' : '#777' });
      label.textContent = leaf ? (classNames[node] ?? tree.name(node)) : tree.name(node);
      svg.append(label);
    }
  }
  const caption = document.createElement('p');
  caption.className = 'caption';
  caption.textContent = note;
  container.replaceChildren(svg, caption);
}
