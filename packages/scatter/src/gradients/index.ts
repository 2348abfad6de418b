import { scatterLogSumExpGradConfig } from './logsumexp';
import { scatterMaxGradConfig } from './max';
import { scatterMeanGradConfig } from './mean';
import { scatterSoftmaxGradConfig } from './softmax';
import { scatterSumGradConfig } from './sum';

export const SCATTER_GRAD_CONFIGS = [
  scatterSumGradConfig,
  scatterMeanGradConfig,
  scatterMaxGradConfig,
  scatterLogSumExpGradConfig,
  scatterSoftmaxGradConfig,
] as const;
