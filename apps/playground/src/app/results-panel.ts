// Step 5 of the page: download the trained model and its prototypes; reload a downloaded model and compare.
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { averageCost, errorRate } from '@mgp/metrics';
import type { Dataset } from '../data/dataset';
import type { ClassCost } from '../hierarchy/cost';
import { downloadJson, downloadModel, type PrototypesFile } from '../io/download';
import { comparePredictions, loadModelFiles, type Comparison } from '../io/reload';
import { headMetric, readPrototypes } from '../model/classifier';
import { byId, showError } from './dom';
import type { FinishedRun } from './run-controller';

function fileStem(run: FinishedRun): string {
  return `mgp-playground-${run.settings.method}${run.settings.method === 'guided' ? `-${run.settings.guidance}` : ''}`;
}

export class ResultsPanel {
  private run: FinishedRun | null = null;
  private readonly modelButton = byId('download-model', HTMLButtonElement);
  private readonly prototypesButton = byId('download-prototypes', HTMLButtonElement);
  private readonly result = byId('reload-result', HTMLParagraphElement);
  private readonly error = byId('reload-error', HTMLParagraphElement);

  constructor(private readonly inputs: () => { dataset: Dataset; cost: ClassCost | null }) {
    this.modelButton.addEventListener('click', () => {
      if (this.run) void downloadModel(this.run.method.classifier.model, fileStem(this.run), this.run.method.guidance()).catch((e) => showError(this.error, e));
    });
    this.prototypesButton.addEventListener('click', () => void this.downloadPrototypes());
    byId('reload-files', HTMLInputElement).addEventListener('change', (event) => {
      const input = event.target as HTMLInputElement;
      const files = [...(input.files ?? [])];
      input.value = '';
      if (files.length > 0) void this.reload(files);
    });
  }

  setRun(run: FinishedRun | null): void {
    if (run !== this.run) {
      // A comparison with another run's model no longer holds.
      this.result.textContent = '';
      delete this.result.dataset.same;
      delete this.result.dataset.maxDiff;
      showError(this.error, null);
    }
    this.run = run;
    this.modelButton.disabled = run === null;
    this.prototypesButton.disabled = run === null || run.method.classifier.prototypeHead === null;
  }

  private async downloadPrototypes(): Promise<void> {
    const run = this.run;
    const head = run?.method.classifier.prototypeHead;
    if (!run || !head) return;
    const file: PrototypesFile = {
      format: 'mgp-playground-prototypes',
      method: run.settings.method,
      metric: headMetric(head),
      classNames: run.dataset.classNames,
      costMatrix: run.cost.D,
      step: run.last?.step ?? 0,
      prototypes: (await readPrototypes(head)) ?? [],
    };
    downloadJson(file, `${fileStem(run)}-prototypes.json`);
  }

  /** Loads the chosen files and reports the reloaded model's held-out scores, and how it compares with the page's model. */
  private async reload(files: File[]): Promise<void> {
    showError(this.error, null);
    this.result.textContent = 'Loading the model…';
    delete this.result.dataset.same;
    let model: tfl.LayersModel | null = null;
    try {
      model = await loadModelFiles(files);
      const { dataset, cost } = this.inputs();
      const shape = model.inputs[0].shape.slice(1);
      if (shape.join() !== dataset.inputShape.join()) {
        throw new Error(`the model takes inputs ${shape.join('×')}, the data here are ${dataset.inputShape.join('×')}`);
      }
      const x = tf.tensor(dataset.heldOut.x, [dataset.heldOut.count, ...dataset.inputShape]);
      try {
        const scores = await this.score(model, x, dataset, cost);
        const run = this.run;
        const comparable = run !== null && run.dataset === dataset;
        const comparison: Comparison | null = comparable ? await comparePredictions(model, run.method.classifier.model, x) : null;
        const parts = [`Reloaded ${files.find((f) => f.name.endsWith('.json'))?.name}: ${scores}.`];
        if (comparison) {
          parts.push(
            `Same predictions as the trained model on ${comparison.sameArgmax}/${comparison.count} held-out examples; ${
              comparison.maxAbsDiff === 0 ? 'identical logits' : `largest logit difference ${comparison.maxAbsDiff.toExponential(1)}`
            }.`,
          );
          this.result.dataset.same = `${comparison.sameArgmax}/${comparison.count}`;
          this.result.dataset.maxDiff = String(comparison.maxAbsDiff);
        }
        this.result.textContent = parts.join(' ');
      } finally {
        x.dispose();
      }
    } catch (error) {
      this.result.textContent = '';
      showError(this.error, error);
    } finally {
      model?.dispose();
    }
  }

  private async score(model: tfl.LayersModel, x: tf.Tensor, dataset: Dataset, cost: ClassCost | null): Promise<string> {
    const k = dataset.classNames.length;
    const logits = model.predict(x) as tf.Tensor2D;
    try {
      if (logits.shape[1] !== k) return `it scores ${logits.shape[1]} classes, the data here have ${k}`;
      const error = errorRate(logits, dataset.heldOut.labels);
      const avg = cost ? averageCost(logits, dataset.heldOut.labels, cost.D) : null;
      const [e, c] = await Promise.all([error.data(), avg?.data()]);
      tf.dispose([error, avg].filter((t): t is tf.Scalar => t !== null));
      return `held-out error ${(100 * e[0]).toFixed(1)} %${c ? `, average cost ${c[0].toFixed(3)}` : ''}`;
    } finally {
      logits.dispose();
    }
  }
}
