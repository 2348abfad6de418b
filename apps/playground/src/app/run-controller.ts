// Step 4 of the page: starts and stops a training run, keeps the last trained model for download and comparison.
import * as tf from '@tensorflow/tfjs-core';
import type { Dataset } from '../data/dataset';
import type { ClassCost } from '../hierarchy/cost';
import { disposeClassifier } from '../model/classifier';
import type { Snapshot } from '../train/evaluate';
import { createMethod, METHOD_LABELS, type MethodSettings, type TrainableMethod } from '../train/methods';
import { train } from '../train/trainer';
import { byId, showError } from './dom';
import { readMethodSettings, readTrainSettings } from './settings';
import type { RunViews } from './views';

export interface FinishedRun {
  method: TrainableMethod;
  settings: MethodSettings;
  dataset: Dataset;
  cost: ClassCost;
  last: Snapshot | null;
}

/** Inputs that cannot change a run once it started (λ can: it stays live). */
const LOCKED_WHILE_TRAINING = '#data-panel, #cost-panel, #method, #backbone, input[name="guidance"], #train-panel .grid2 input';

function lockInputs(locked: boolean): void {
  for (const element of document.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLFieldSetElement>(LOCKED_WHILE_TRAINING)) {
    element.disabled = locked;
  }
}

function percent(v: number): string {
  return `${(100 * v).toFixed(1)} %`;
}

export class RunController {
  private run: FinishedRun | null = null;
  private running = false;
  /** The data and D of the last run, to tell whether its curves compare with the next one's. */
  private lastInputs: { dataset: Dataset; D: number[][] } | null = null;
  /** The method being trained, while a run is on. */
  private live: TrainableMethod | null = null;
  private stopRequested = false;
  private readonly trainButton = byId('train', HTMLButtonElement);
  private readonly stopButton = byId('stop', HTMLButtonElement);
  private readonly status = byId('train-status', HTMLParagraphElement);
  private readonly error = byId('train-error', HTMLParagraphElement);

  constructor(
    private readonly views: RunViews,
    private readonly inputs: () => { dataset: Dataset; cost: ClassCost | null },
    private readonly onFinished: (run: FinishedRun | null) => void,
  ) {
    this.trainButton.addEventListener('click', () => void this.start());
    const lambda = byId('lambda', HTMLInputElement);
    lambda.addEventListener('input', () => this.live?.setLambda(Number(lambda.value)));
    this.stopButton.addEventListener('click', () => {
      this.stopRequested = true;
      this.stopButton.disabled = true;
    });
  }

  get isRunning(): boolean {
    return this.running;
  }

  finished(): FinishedRun | null {
    return this.run;
  }

  /** Train is possible once a backend runs and D fits the data; `announce` says so in the status line. */
  refresh(ready: boolean, announce = false): void {
    const { cost } = this.inputs();
    this.trainButton.disabled = !ready || this.running || cost === null;
    if (announce && ready && !this.running) this.setStatus(cost === null ? 'Choose a class cost matrix D that fits the data to train.' : 'Ready to train.');
  }

  private setStatus(text: string): void {
    this.status.textContent = text;
    this.status.dataset.tensors = String(tf.memory().numTensors);
  }

  async start(): Promise<void> {
    const { dataset, cost } = this.inputs();
    if (this.running || !cost) return;
    this.running = true;
    this.stopRequested = false;
    this.trainButton.disabled = true;
    this.stopButton.disabled = false;
    showError(this.error, null);
    this.status.dataset.state = 'running';
    lockInputs(true);
    // The previous model goes: one run's weights in memory at a time.
    if (this.run) disposeClassifier(this.run.method.classifier);
    this.run = null;
    this.onFinished(null);
    const settings = readMethodSettings(dataset.kind);
    const training = readTrainSettings(settings.seed);
    const label = METHOD_LABELS[settings.method];
    this.views.setClasses(dataset.classNames);
    const comparable = this.lastInputs !== null && this.lastInputs.dataset === dataset && JSON.stringify(this.lastInputs.D) === JSON.stringify(cost.D);
    this.lastInputs = { dataset, D: cost.D };
    this.views.start(label, training.steps, comparable);
    let method: TrainableMethod | null = null;
    try {
      this.setStatus(settings.method === 'fixed' || settings.method === 'hyperspherical' ? 'Arranging the prototypes from D…' : 'Building the network…');
      method = await createMethod(settings, { inputShape: dataset.inputShape, numClasses: dataset.classNames.length, D: cost.D });
      this.live = method;
      const started = performance.now();
      const result = await train(method, dataset, cost.D, training, {
        shouldStop: () => this.stopRequested,
        onSnapshot: (s) => {
          this.views.show(s, dataset.heldOut.labels, cost.D, dataset.classNames, settings.method === 'hyperspherical');
          const rate = s.step > 0 ? ` · ${((1000 * s.step) / (performance.now() - started)).toFixed(1)} steps/s` : '';
          const loss = Number.isFinite(s.trainLoss) ? ` · loss ${s.trainLoss.toFixed(3)}` : '';
          this.setStatus(`Step ${s.step}/${training.steps}${loss} · error ${percent(s.errorRate)} · average cost ${s.averageCost.toFixed(3)}${rate}`);
        },
      });
      this.run = { method, settings, dataset, cost, last: result.last };
      const last = result.last;
      const summary = last ? `error ${percent(last.errorRate)}, average cost ${last.averageCost.toFixed(3)} on ${dataset.heldOut.count} held-out examples` : '';
      this.setStatus(`${result.stopped ? 'Stopped' : 'Done'} after ${result.steps} steps: ${summary}.`);
      this.status.dataset.state = result.stopped ? 'stopped' : 'done';
    } catch (error) {
      if (method) disposeClassifier(method.classifier);
      this.run = null;
      showError(this.error, error);
      this.setStatus('Training failed.');
      this.status.dataset.state = 'failed';
    } finally {
      lockInputs(false);
      // CSV rows always go through the MLP.
      byId('backbone', HTMLSelectElement).disabled = this.inputs().dataset.kind === 'vectors';
      this.live = null;
      this.running = false;
      this.stopButton.disabled = true;
      this.onFinished(this.run);
      this.refresh(true);
      this.status.dataset.tensors = String(tf.memory().numTensors);
    }
  }
}
