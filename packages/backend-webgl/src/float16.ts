// What @mgp does, and what the user should know, when the webgl backend stores tensors as float16.
import { FLOAT16_EPSILON, FLOAT16_MAX } from './precision';

/** One log line each; returned in BackendInfo.notes on float16 devices. */
export function float16Notes(epsilon: number): string[] {
  return [
    `float16 textures: tensors hold about 3 significant digits and |x| <= ${FLOAT16_MAX} (larger values become Infinity)`,
    `tf.backend().epsilon() is ${epsilon}: @mgp's log / sqrt / division floors are at least this, so they do not round to 0`,
    'keep embedding and prototype norms below about 100: squared distances are formed as ‖x‖² + ‖p‖² − 2·x·pᵀ and must stay finite',
  ];
}

export { FLOAT16_EPSILON, FLOAT16_MAX };
