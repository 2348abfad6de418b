// A training worker: starts its own tfjs backend (one wasm instance per thread, so several models train on
// several cores at once), then trains the jobs the main thread sends, one at a time.
import { parentPort, workerData } from 'node:worker_threads';
import { startBackend, type BackendName } from '../backend';
import { runMethodChecked } from './experiment';
import { forwardingProgress, type JobData, type MainMessage, type WorkerMessage } from './jobs';
import { methodById } from './methods';

const port = parentPort;
if (!port) throw new Error('worker-entry runs only as a worker thread');
const { backend, data } = workerData as { backend: BackendName; data: JobData };
const post = (message: WorkerMessage) => port.postMessage(message);

try {
  const started = await startBackend(backend);
  post({ type: 'ready', backend: started.description });
} catch (error) {
  post({ type: 'fatal', error: (error as Error).message });
}

port.on('message', async (message: MainMessage) => {
  if (message.type === 'stop') {
    port.close();
    return;
  }
  const { index, job } = message;
  try {
    const outcome = await runMethodChecked(methodById(job.methodId), job.context, data, data.settings, forwardingProgress(index, post), job.title);
    post({ type: 'result', index, outcome });
  } catch (error) {
    post({ type: 'failed', index, error: (error as Error).message });
  }
});
