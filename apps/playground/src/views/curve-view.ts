// A line chart of one quantity against the training step: the current run, and the previous runs in grey.
import { formatNumber, prepareCanvas } from './canvas';

export interface Series {
  label: string;
  points: { step: number; value: number }[];
}

const WIDTH = 340;
const HEIGHT = 180;
const PAD = { left: 42, right: 10, top: 22, bottom: 24 };

export class CurveView {
  private current: Series | null = null;
  private previous: Series[] = [];
  /** Steps planned for the current run: the x axis spans them when that is few enough to read. */
  private planned = 0;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly title: string,
    private readonly color: string,
  ) {
    this.draw();
  }

  /**
   * Starts a new series. The last ones are kept (greyed, up to three) for comparison when `comparable` (same data
   * and classes), dropped otherwise.
   */
  start(label: string, plannedSteps: number, comparable: boolean): void {
    if (!comparable) this.previous = [];
    else if (this.current && this.current.points.length > 1) this.previous = [this.current, ...this.previous].slice(0, 3);
    this.planned = plannedSteps;
    this.current = { label, points: [] };
    this.canvas.dataset.points = '[]';
    this.draw();
  }

  add(step: number, value: number): void {
    if (!this.current || !Number.isFinite(value)) return;
    this.current.points.push({ step, value });
    this.canvas.dataset.points = JSON.stringify(this.current.points.map((p) => [p.step, Number(p.value.toFixed(5))]));
    this.draw();
  }

  private draw(): void {
    const ctx = prepareCanvas(this.canvas, WIDTH, HEIGHT);
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, WIDTH, HEIGHT);
    ctx.fillStyle = '#222';
    ctx.font = '600 13px system-ui, sans-serif';
    ctx.textAlign = 'left';
    ctx.textBaseline = 'alphabetic';
    ctx.fillText(this.title, PAD.left, 15);
    const currentMax = this.current?.points.at(-1)?.step ?? 0;
    // The planned steps when they are few enough to read; otherwise the steps done so far.
    const maxStep = Math.max(1, this.planned <= 5000 ? this.planned : currentMax);
    const clip = (series: Series): Series => ({ ...series, points: series.points.filter((p) => p.step <= maxStep) });
    const previous = this.previous.map(clip);
    const all = [...previous, ...(this.current ? [this.current] : [])].flatMap((s) => s.points);
    const plotW = WIDTH - PAD.left - PAD.right;
    const plotH = HEIGHT - PAD.top - PAD.bottom;
    ctx.strokeStyle = '#ccc';
    ctx.strokeRect(PAD.left, PAD.top, plotW, plotH);
    if (all.length === 0) return;
    const maxValue = Math.max(1e-6, ...all.map((p) => p.value)) * 1.05;
    const x = (s: number) => PAD.left + (s / maxStep) * plotW;
    const y = (v: number) => PAD.top + plotH - (v / maxValue) * plotH;
    ctx.fillStyle = '#666';
    ctx.font = '11px system-ui, sans-serif';
    ctx.textAlign = 'right';
    for (const v of [0, maxValue / 2, maxValue]) ctx.fillText(formatNumber(v), PAD.left - 4, y(v) + 4);
    ctx.textAlign = 'center';
    for (const s of [0, Math.round(maxStep / 2), maxStep]) ctx.fillText(String(s), x(s), HEIGHT - 8);
    const line = (series: Series, color: string, width: number) => {
      ctx.strokeStyle = color;
      ctx.lineWidth = width;
      ctx.beginPath();
      series.points.forEach((p, i) => (i === 0 ? ctx.moveTo(x(p.step), y(p.value)) : ctx.lineTo(x(p.step), y(p.value))));
      ctx.stroke();
    };
    previous.forEach((s) => line(s, '#c8c8c8', 1.5));
    if (previous.length > 0) {
      ctx.fillStyle = '#999';
      ctx.textAlign = 'right';
      ctx.fillText('grey: earlier runs', WIDTH - PAD.right - 4, PAD.top + 12);
    }
    if (this.current) line(this.current, this.color, 2.2);
    const last = this.current?.points.at(-1);
    if (last) {
      ctx.fillStyle = this.color;
      ctx.textAlign = 'right';
      ctx.font = '600 12px system-ui, sans-serif';
      ctx.fillText(`${formatNumber(last.value)} at step ${last.step}`, WIDTH - PAD.right, 15);
    }
  }
}
