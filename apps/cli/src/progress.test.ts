import { describe, expect, it } from 'vitest';
import { createProgress } from './progress';

function sink(isTTY: boolean) {
  let text = '';
  return { stream: { write: (s: string) => ((text += s), true), isTTY }, text: () => text };
}

describe('progress', () => {
  it('prints one line per finished task when the stream is not a terminal', () => {
    const s = sink(false);
    const progress = createProgress({ stream: s.stream });
    const task = progress.task('Free prototypes', 10);
    task.update(5, 'epoch 1/2');
    task.done('12.0 s');
    progress.log('backend: wasm');
    progress.close();
    expect(s.text()).toBe('Free prototypes: 12.0 s\nbackend: wasm\n');
  });

  it('prints nothing when quiet', () => {
    const s = sink(true);
    const progress = createProgress({ stream: s.stream, quiet: true });
    progress.task('x', 1).done('done');
    progress.log('y');
    expect(s.text()).toBe('');
  });
});
