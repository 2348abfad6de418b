// The 2-D embedding of the held-out examples, coloured by class, with the prototypes and their recent paths.
import { prepareCanvas } from './canvas';
import { classColors } from './palette';

export interface EmbeddingFrame {
  /** [N, 2] row-major. */
  embeddings: Float32Array;
  labels: Int32Array;
  prototypes: number[][] | null;
  /** 'sphere': only directions matter (hyperspherical prototypes); points are drawn as directions. */
  geometry: 'plane' | 'sphere';
}

interface Box {
  cx: number;
  cy: number;
  half: number;
}

const SIZE = 460;
const TRAIL = 40;

function quantile(sorted: Float32Array, q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.floor(q * (sorted.length - 1))))];
}

/** Golden-ratio jitter in [0, 1) per point, fixed across frames. */
function jitter(i: number): number {
  return (i * 0.6180339887) % 1;
}

export class EmbeddingView {
  private box: Box | null = null;
  private trails: number[][][] = [];
  private colors: string[] = [];
  private names: string[] = [];

  constructor(private readonly canvas: HTMLCanvasElement) {
    this.clear('Train a model to see the held-out examples here.');
  }

  setClasses(names: string[]): void {
    this.names = names;
    this.colors = classColors(names.length);
  }

  /** Forgets the view box and the prototype paths (a new run). */
  reset(): void {
    this.box = null;
    this.trails = [];
  }

  clear(message: string): void {
    const ctx = prepareCanvas(this.canvas, SIZE, SIZE);
    ctx.fillStyle = '#f7f7f9';
    ctx.fillRect(0, 0, SIZE, SIZE);
    ctx.fillStyle = '#777';
    ctx.font = '14px system-ui, sans-serif';
    ctx.textAlign = 'center';
    ctx.fillText(message, SIZE / 2, SIZE / 2);
  }

  draw(frame: EmbeddingFrame): void {
    const points = frame.geometry === 'sphere' ? this.directions(frame.embeddings) : frame.embeddings;
    const prototypes = frame.prototypes?.map((p) => [p[0], p[1] ?? 0]) ?? null;
    this.box = this.fit(points, prototypes, frame.geometry);
    if (prototypes) {
      prototypes.forEach((p, c) => {
        const trail = (this.trails[c] ??= []);
        trail.push(p);
        if (trail.length > TRAIL) trail.shift();
      });
    }
    const ctx = prepareCanvas(this.canvas, SIZE, SIZE);
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, SIZE, SIZE);
    const { cx, cy, half } = this.box;
    const sx = (x: number) => SIZE / 2 + ((x - cx) / half) * (SIZE / 2);
    const sy = (y: number) => SIZE / 2 - ((y - cy) / half) * (SIZE / 2);
    if (frame.geometry === 'sphere') {
      ctx.strokeStyle = '#ddd';
      ctx.beginPath();
      ctx.arc(sx(0), sy(0), (SIZE / 2) * (1 / half), 0, 2 * Math.PI);
      ctx.stroke();
    }
    ctx.globalAlpha = 0.55;
    for (let i = 0; i < frame.labels.length; i++) {
      ctx.fillStyle = this.colors[frame.labels[i]] ?? '#888';
      ctx.fillRect(sx(points[2 * i]) - 1.5, sy(points[2 * i + 1]) - 1.5, 3, 3);
    }
    ctx.globalAlpha = 1;
    if (!prototypes) return;
    ctx.lineWidth = 1.5;
    this.trails.forEach((trail, c) => {
      if (trail.length < 2) return;
      ctx.strokeStyle = this.colors[c];
      ctx.globalAlpha = 0.6;
      ctx.beginPath();
      trail.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(sx(x), sy(y)) : ctx.lineTo(sx(x), sy(y))));
      ctx.stroke();
    });
    ctx.globalAlpha = 1;
    ctx.font = 'bold 12px system-ui, sans-serif';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    prototypes.forEach(([x, y], c) => {
      ctx.fillStyle = this.colors[c];
      ctx.strokeStyle = '#111';
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.arc(sx(x), sy(y), 10, 0, 2 * Math.PI);
      ctx.fill();
      ctx.stroke();
      ctx.fillStyle = '#111';
      ctx.fillText(this.names[c]?.slice(0, 3) ?? String(c), sx(x), sy(y) + 0.5);
    });
  }

  /** Unit directions pulled inwards by a fixed jitter, so the points of one direction do not all overlap. */
  private directions(embeddings: Float32Array): Float32Array {
    const out = new Float32Array(embeddings.length);
    for (let i = 0; i < embeddings.length / 2; i++) {
      const x = embeddings[2 * i];
      const y = embeddings[2 * i + 1];
      const r = (Math.hypot(x, y) || 1) / (0.55 + 0.4 * jitter(i));
      out[2 * i] = x / r;
      out[2 * i + 1] = y / r;
    }
    return out;
  }

  /** A square box holding 98% of the points and every prototype, eased from the previous one. */
  private fit(points: Float32Array, prototypes: number[][] | null, geometry: 'plane' | 'sphere'): Box {
    let target: Box;
    if (geometry === 'sphere') {
      target = { cx: 0, cy: 0, half: 1.15 };
    } else {
      const n = points.length / 2;
      const xs = new Float32Array(n);
      const ys = new Float32Array(n);
      for (let i = 0; i < n; i++) {
        xs[i] = points[2 * i];
        ys[i] = points[2 * i + 1];
      }
      xs.sort();
      ys.sort();
      let [x0, x1, y0, y1] = n > 0 ? [quantile(xs, 0.01), quantile(xs, 0.99), quantile(ys, 0.01), quantile(ys, 0.99)] : [-1, 1, -1, 1];
      for (const [x, y] of prototypes ?? []) {
        x0 = Math.min(x0, x);
        x1 = Math.max(x1, x);
        y0 = Math.min(y0, y);
        y1 = Math.max(y1, y);
      }
      const half = Math.max(x1 - x0, y1 - y0, 1e-3) * 0.55;
      target = { cx: (x0 + x1) / 2, cy: (y0 + y1) / 2, half };
      if (!Number.isFinite(target.cx + target.cy + target.half)) target = { cx: 0, cy: 0, half: 1 };
    }
    const before = this.box;
    if (!before) return target;
    const ease = (a: number, b: number) => a + 0.5 * (b - a);
    return { cx: ease(before.cx, target.cx), cy: ease(before.cy, target.cy), half: ease(before.half, target.half) };
  }
}
