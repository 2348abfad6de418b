/** The element with this id, checked to be of the expected kind. */
export function byId<T extends HTMLElement>(id: string, kind: new () => T): T {
  const element = document.getElementById(id);
  if (!(element instanceof kind)) throw new Error(`the page has no <${kind.name}> #${id}`);
  return element;
}

/** Shows an error message next to an input (or hides it with null). */
export function showError(element: HTMLElement, error: unknown): void {
  if (error === null || error === undefined) {
    element.hidden = true;
    element.textContent = '';
    return;
  }
  const e = error as { name?: string; message?: string };
  element.textContent = e && typeof e.message === 'string' ? `${e.name ?? 'Error'}: ${e.message}` : String(error);
  element.hidden = false;
}

export function readFileText(file: File): Promise<string> {
  return file.text();
}
