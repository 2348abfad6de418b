// The cost matrix D as a heat map, with its values when the cells are large enough.
import { drawPlaceholder, formatNumber, prepareCanvas } from './canvas';
import { costColor } from './palette';

const SIZE = 300;
const MARGIN = 30;

export function drawHeatmap(canvas: HTMLCanvasElement, D: number[][] | null, names: string[]): void {
  const ctx = prepareCanvas(canvas, SIZE, SIZE);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, SIZE, SIZE);
  if (!D || D.length === 0) {
    drawPlaceholder(ctx, SIZE, SIZE, 'No D yet: choose one that fits the classes.');
    return;
  }
  const k = D.length;
  const cell = (SIZE - MARGIN - 2) / k;
  const max = Math.max(1e-9, ...D.flat());
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      ctx.fillStyle = i === j ? '#eef5ee' : costColor(D[i][j] / max);
      ctx.fillRect(MARGIN + j * cell, MARGIN + i * cell, cell - 1, cell - 1);
      if (cell >= 20) {
        ctx.fillStyle = D[i][j] / max > 0.6 ? '#fff' : '#333';
        ctx.font = `${Math.min(11, cell / 2.2)}px system-ui, sans-serif`;
        ctx.textAlign = 'center';
        ctx.textBaseline = 'middle';
        ctx.fillText(formatNumber(D[i][j]).replace(/\.00$/, ''), MARGIN + (j + 0.5) * cell, MARGIN + (i + 0.5) * cell);
      }
    }
  }
  if (cell >= 10) {
    ctx.fillStyle = '#444';
    ctx.font = '11px system-ui, sans-serif';
    ctx.textBaseline = 'middle';
    names.forEach((name, i) => {
      ctx.textAlign = 'right';
      ctx.fillText(name.slice(0, 4), MARGIN - 4, MARGIN + (i + 0.5) * cell);
      ctx.textAlign = 'center';
      ctx.fillText(name.slice(0, 4), MARGIN + (i + 0.5) * cell, MARGIN - 9);
    });
  }
}
