import { classColors } from './palette';

/** Class swatches: one chip per class name. */
export function renderLegend(container: HTMLElement, names: string[]): void {
  const colors = classColors(names.length);
  container.replaceChildren(
    ...names.map((name, i) => {
      const chip = document.createElement('span');
      chip.className = 'chip';
      const swatch = document.createElement('i');
      swatch.style.background = colors[i];
      chip.append(swatch, document.createTextNode(name));
      return chip;
    }),
  );
}
