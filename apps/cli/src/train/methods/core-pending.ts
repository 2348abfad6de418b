// TEMPORARY: @mgp/core exports these soon; resolved at run time until then so the rest can run.
import * as core from '@mgp/core';
/* eslint-disable @typescript-eslint/no-explicit-any */
const pending = core as unknown as Record<string, any>;
export const DeepNCM = pending.DeepNCM;
export const embedMetric = pending.embedMetric;
export const embedOnSphere = pending.embedOnSphere;
