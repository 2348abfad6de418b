/**
 * Step learning-rate schedule, as `torch.optim.lr_scheduler.MultiStepLR`: the rate is `baseLr` divided by
 * `1/gamma` at each milestone. Milestones are fractions of training so that `--epochs` keeps the seed's shape
 * (0.1 → ÷10 at 2/3 → ÷10 at 5/6, i.e. epochs 20 and 25 of 30).
 */
export interface StepSchedule {
  baseLr: number;
  epochs: number;
  milestoneFractions: number[];
  gamma: number;
}

export const SEED_SCHEDULE: Omit<StepSchedule, 'epochs'> = { baseLr: 0.1, milestoneFractions: [2 / 3, 5 / 6], gamma: 0.1 };

/** Epoch numbers (0-based) at which the rate drops. */
export function milestoneEpochs(schedule: StepSchedule): number[] {
  return schedule.milestoneFractions.map((f) => Math.round(f * schedule.epochs));
}

/** Learning rate used during `epoch` (0-based). */
export function learningRateAt(schedule: StepSchedule, epoch: number): number {
  const drops = milestoneEpochs(schedule).filter((m) => epoch >= m).length;
  return schedule.baseLr * schedule.gamma ** drops;
}
