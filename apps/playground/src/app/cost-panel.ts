// Step 2 of the page: the class cost matrix D (a tree or |i − j|), drawn as a dendrogram and a heat map.
import { classCost, type ClassCost, type CostChoice } from '../hierarchy/cost';
import { drawHeatmap } from '../views/heatmap-view';
import { renderTree } from '../views/tree-view';
import { byId, showError } from './dom';

export class CostPanel {
  private cost: ClassCost | null = null;
  private classNames: string[] = [];
  private readonly choice = byId('cost-choice', HTMLSelectElement);
  private readonly text = byId('hierarchy-text', HTMLTextAreaElement);
  private readonly error = byId('cost-error', HTMLParagraphElement);
  private readonly userBox = byId('hierarchy-input', HTMLDivElement);

  constructor(private readonly onChange: (cost: ClassCost | null) => void) {
    this.choice.addEventListener('change', () => {
      this.userBox.hidden = this.choice.value !== 'user';
      // Your own hierarchy applies once it is pasted or loaded.
      if (this.choice.value !== 'user' || this.text.value.trim() !== '') this.update();
      else this.set(null, null);
    });
    byId('hierarchy-file', HTMLInputElement).addEventListener('change', async (event) => {
      const file = (event.target as HTMLInputElement).files?.[0];
      if (!file) return;
      this.text.value = await file.text();
      this.update();
    });
    byId('hierarchy-apply', HTMLButtonElement).addEventListener('click', () => this.update());
  }

  current(): ClassCost | null {
    return this.cost;
  }

  /** Recomputes D for new classes (a new dataset). */
  setClasses(classNames: string[]): void {
    this.classNames = classNames;
    if (this.choice.value === 'visual' && classNames.join() !== '0,1,2,3,4,5,6,7,8,9') {
      // The digit tree only fits the digits; other data defaults to |i − j| until the user gives a tree.
      this.choice.value = 'absolute';
      this.userBox.hidden = true;
    }
    this.update();
  }

  private update(): void {
    try {
      const cost = classCost(this.choice.value as CostChoice, this.classNames, this.text.value);
      this.set(cost, null);
    } catch (error) {
      this.set(null, error);
    }
  }

  private set(cost: ClassCost | null, error: unknown): void {
    this.cost = cost;
    showError(this.error, error);
    const tree = byId('tree', HTMLDivElement);
    if (cost) {
      const note = cost.tree ? `D[i][j] = number of edges between the two classes in ${cost.label}.` : 'D[i][j] = |i − j|: the classes on a line, no tree.';
      renderTree(tree, cost.tree, this.classNames, note);
    } else {
      const empty = document.createElement('p');
      empty.className = 'caption';
      empty.textContent = error ? 'No tree: see the error under the hierarchy input.' : 'Paste or load your hierarchy (JSON) to see it here.';
      tree.replaceChildren(empty);
    }
    drawHeatmap(byId('heatmap', HTMLCanvasElement), cost?.D ?? null, this.classNames);
    this.onChange(cost);
  }
}
