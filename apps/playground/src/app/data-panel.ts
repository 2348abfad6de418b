// Step 1 of the page: which examples to train on (the bundled digits, or the user's CSV or image folder).
import { readEmbeddingsCsv } from '../data/csv-embeddings';
import { classCounts, type Dataset } from '../data/dataset';
import { readImageFolder } from '../data/image-folder';
import { byId, showError } from './dom';

export class DataPanel {
  private dataset: Dataset;
  private readonly error = byId('data-error', HTMLParagraphElement);
  private readonly summary = byId('data-summary', HTMLParagraphElement);
  private readonly csvBox = byId('csv-input', HTMLDivElement);
  private readonly imageBox = byId('image-input', HTMLDivElement);
  private readonly csvText = byId('csv-text', HTMLTextAreaElement);

  constructor(
    private readonly mnist: Dataset,
    private readonly onChange: (dataset: Dataset) => void,
  ) {
    this.dataset = mnist;
    for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="data"]')) {
      radio.addEventListener('change', () => this.choose(radio.value));
    }
    byId('csv-file', HTMLInputElement).addEventListener('change', async (event) => {
      const file = (event.target as HTMLInputElement).files?.[0];
      if (!file) return;
      this.csvText.value = await file.text();
      this.useCsv(file.name);
    });
    byId('csv-apply', HTMLButtonElement).addEventListener('click', () => this.useCsv('pasted CSV'));
    byId('image-folder', HTMLInputElement).addEventListener('change', async (event) => {
      const files = [...((event.target as HTMLInputElement).files ?? [])];
      this.summary.textContent = `Reading ${files.length} files…`;
      try {
        this.set(await readImageFolder(files));
      } catch (error) {
        showError(this.error, error);
        this.describe();
      }
    });
    this.describe();
  }

  current(): Dataset {
    return this.dataset;
  }

  private choose(kind: string): void {
    this.csvBox.hidden = kind !== 'csv';
    this.imageBox.hidden = kind !== 'images';
    showError(this.error, null);
    if (kind === 'mnist') this.set(this.mnist);
  }

  private useCsv(name: string): void {
    try {
      this.set(readEmbeddingsCsv(this.csvText.value, name));
    } catch (error) {
      showError(this.error, error);
    }
  }

  private set(dataset: Dataset): void {
    showError(this.error, null);
    this.dataset = dataset;
    this.describe();
    this.onChange(dataset);
  }

  private describe(): void {
    const d = this.dataset;
    const counts = classCounts(d.train, d.classNames.length);
    const perClass = Math.min(...counts) === Math.max(...counts) ? `${counts[0]} per class` : `${Math.min(...counts)}–${Math.max(...counts)} per class`;
    this.summary.textContent = `Using ${d.name}: ${d.train.count} training examples (${perClass}), ${d.heldOut.count} held out; ${d.classNames.length} classes; inputs ${d.inputShape.join('×')}.`;
  }
}
