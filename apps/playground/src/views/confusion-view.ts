// The held-out confusion matrix: rows true class, columns predicted; the diagonal green, mistakes coloured by their
// cost D[true][predicted] (pale yellow cheap, red expensive), stronger where more examples fall.
import { drawPlaceholder, formatNumber, prepareCanvas } from './canvas';
import { costColor } from './palette';

const SIZE = 340;
const MARGIN = 34;

export function drawConfusion(canvas: HTMLCanvasElement, counts: number[][] | null, D: number[][], names: string[]): void {
  const ctx = prepareCanvas(canvas, SIZE, SIZE);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, SIZE, SIZE);
  const k = names.length;
  if (!counts || k === 0) {
    drawPlaceholder(ctx, SIZE, SIZE, 'Appears with the first look at the held-out set.');
    return;
  }
  const cell = (SIZE - MARGIN - 4) / k;
  const maxCost = Math.max(1e-9, ...D.flat());
  const rowTotals = counts.map((row) => row.reduce((a, b) => a + b, 0));
  for (let t = 0; t < k; t++) {
    for (let p = 0; p < k; p++) {
      const share = rowTotals[t] > 0 ? counts[t][p] / rowTotals[t] : 0;
      const x = MARGIN + p * cell;
      const y = MARGIN + t * cell;
      if (t === p) ctx.fillStyle = `rgba(46, 139, 87, ${0.12 + 0.88 * share})`;
      else ctx.fillStyle = counts[t][p] > 0 ? costColor(D[t][p] / maxCost, 0.25 + 0.75 * Math.sqrt(share)) : '#fafafa';
      ctx.fillRect(x, y, cell - 1, cell - 1);
      if (cell >= 22 && counts[t][p] > 0) {
        ctx.fillStyle = t === p && share > 0.5 ? '#fff' : '#222';
        ctx.font = `${Math.min(12, cell / 2.4)}px system-ui, sans-serif`;
        ctx.textAlign = 'center';
        ctx.textBaseline = 'middle';
        ctx.fillText(formatNumber(counts[t][p]).replace(/\.0+$/, ''), x + cell / 2, y + cell / 2);
      }
    }
  }
  ctx.fillStyle = '#444';
  ctx.font = '11px system-ui, sans-serif';
  ctx.textBaseline = 'middle';
  if (cell >= 12) {
    names.forEach((name, i) => {
      ctx.textAlign = 'right';
      ctx.fillText(name.slice(0, 4), MARGIN - 4, MARGIN + (i + 0.5) * cell);
      ctx.textAlign = 'center';
      ctx.fillText(name.slice(0, 4), MARGIN + (i + 0.5) * cell, MARGIN - 9);
    });
  }
  ctx.textAlign = 'left';
  ctx.fillText('true ↓  predicted →', 2, 10);
}
