// The playground page: wires the panels, the backend and the training run together.
import '@tensorflow/tfjs';
import * as tf from '@tensorflow/tfjs-core';
import { CostPanel } from './app/cost-panel';
import { DataPanel } from './app/data-panel';
import { byId, showError } from './app/dom';
import { ResultsPanel } from './app/results-panel';
import { RunController } from './app/run-controller';
import { wireMethodControls } from './app/settings';
import { RunViews } from './app/views';
import { chooseBackend } from './backend';
import './styles.css';

async function start(): Promise<void> {
  const views = new RunViews();
  let backendReady = false;
  // The panels call back into each other; `inputs` reads their current state.
  let data: DataPanel | null = null;
  let costs: CostPanel | null = null;
  const inputs = () => ({ dataset: (data as DataPanel).current(), cost: costs?.current() ?? null });
  const results = new ResultsPanel(inputs);
  const runs = new RunController(views, inputs, (run) => results.setRun(run));
  costs = new CostPanel(() => runs.refresh(backendReady, true));
  // The digits come in their own chunk (a few MB), decoded once here.
  const { loadMnist } = await import('./data/mnist');
  const backbone = byId('backbone', HTMLSelectElement);
  data = new DataPanel(loadMnist(), (dataset) => {
    // CSV rows have no image to convolve: they always go through the MLP.
    backbone.disabled = dataset.kind === 'vectors';
    if (dataset.kind === 'vectors') backbone.value = 'mlp';
    views.setClasses(dataset.classNames);
    costs?.setClasses(dataset.classNames);
  });
  wireMethodControls();
  const first = data.current();
  views.setClasses(first.classNames);
  costs.setClasses(first.classNames);

  const status = byId('backend-status', HTMLParagraphElement);
  const notice = byId('backend-notice', HTMLParagraphElement);
  try {
    const backend = await chooseBackend(new URLSearchParams(location.search).get('backend'));
    status.textContent = `TensorFlow.js ${tf.version_core} on the ${backend.name} backend.`;
    status.dataset.backend = backend.name;
    if (backend.fallback) {
      notice.textContent = backend.fallback;
      notice.hidden = false;
    }
    backendReady = true;
    runs.refresh(true, true);
  } catch (error) {
    status.textContent = 'No TensorFlow.js backend could start in this browser.';
    showError(byId('train-error', HTMLParagraphElement), error);
  }
}

void start();
