// The live views of a run, updated from each look at the held-out examples.
import type { Snapshot } from '../train/evaluate';
import { drawConfusion } from '../views/confusion-view';
import { CurveView } from '../views/curve-view';
import { EmbeddingView } from '../views/embedding-view';
import { renderLegend } from '../views/legend-view';
import { byId } from './dom';

export class RunViews {
  readonly embedding = new EmbeddingView(byId('embedding', HTMLCanvasElement));
  private readonly error = new CurveView(byId('error-curve', HTMLCanvasElement), 'Error rate (held out)', '#c0392b');
  private readonly cost = new CurveView(byId('cost-curve', HTMLCanvasElement), 'Average cost (held out)', '#2f6fdf');
  private readonly confusion = byId('confusion', HTMLCanvasElement);

  constructor() {
    drawConfusion(this.confusion, null, [], []);
  }

  setClasses(names: string[]): void {
    this.embedding.setClasses(names);
    renderLegend(byId('legend', HTMLDivElement), names);
  }

  /** A new run: `comparable` keeps the earlier runs' curves (same data and costs) in grey. */
  start(label: string, plannedSteps: number, comparable: boolean): void {
    this.embedding.reset();
    this.embedding.clear('Preparing…');
    this.error.start(label, plannedSteps, comparable);
    this.cost.start(label, plannedSteps, comparable);
  }

  show(snapshot: Snapshot, labels: Int32Array, D: number[][], names: string[], sphere: boolean): void {
    this.error.add(snapshot.step, snapshot.errorRate);
    this.cost.add(snapshot.step, snapshot.averageCost);
    this.embedding.draw({ embeddings: snapshot.embeddings, labels, prototypes: snapshot.prototypes, geometry: sphere ? 'sphere' : 'plane' });
    drawConfusion(this.confusion, snapshot.confusion, D, names);
  }
}
