// Reads from the running page what the end-to-end tests check.
import type { Page } from 'playwright-core';

/** [step, value] pairs a curve has drawn (the current run). */
export async function curvePoints(page: Page, id: string): Promise<[number, number][]> {
  const text = await page.getAttribute(`#${id}`, 'data-points');
  return text ? (JSON.parse(text) as [number, number][]) : [];
}

/** How many pixels of a canvas are not (near) white, and how many distinct colours it holds. */
export function canvasInk(page: Page, id: string): Promise<{ inked: number; colors: number }> {
  return page.$eval(`#${id}`, (element) => {
    const canvas = element as HTMLCanvasElement;
    const { data } = (canvas.getContext('2d') as CanvasRenderingContext2D).getImageData(0, 0, canvas.width, canvas.height);
    let inked = 0;
    const colors = new Set<number>();
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] > 0 && (data[i] < 235 || data[i + 1] < 235 || data[i + 2] < 235)) {
        inked += 1;
        colors.add(((data[i] >> 4) << 8) | ((data[i + 1] >> 4) << 4) | (data[i + 2] >> 4));
      }
    }
    return { inked, colors: colors.size };
  });
}

export type RunState = 'running' | 'done' | 'stopped' | 'failed';

export async function waitForRunState(page: Page, states: RunState[], timeout: number): Promise<RunState> {
  await page.waitForFunction((wanted) => wanted.includes((document.querySelector<HTMLElement>('#train-status')?.dataset.state ?? '') as RunState), states, { timeout });
  return (await page.getAttribute('#train-status', 'data-state')) as RunState;
}

/** The step of the last look at the held-out set (from the error curve). */
export async function lastStep(page: Page): Promise<number> {
  return (await curvePoints(page, 'error-curve')).at(-1)?.[0] ?? -1;
}
