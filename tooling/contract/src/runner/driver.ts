import type { BackendInfo } from '@mgp/backend-spec';
import type { CheckOutcome } from '../checks/types';

/** What a place (Node, a Chromium page) must do to run the contract on one backend. */
export interface TargetDriver {
  /** Activates the backend through its @mgp adapter. */
  start(): Promise<StartedBackend>;
  run(checkName: string): Promise<CheckOutcome>;
  stop(): Promise<void>;
}

export interface StartedBackend {
  info: BackendInfo;
  /** tf.backend().epsilon() once started. */
  epsilon: number;
  /** Chromium: how the page's `import('@mgp/scatter')` went. */
  scatter?: string;
}
