import { describe, expect, it } from 'vitest';
import { learningRateAt, milestoneEpochs, SEED_SCHEDULE } from './schedule';

describe('step schedule', () => {
  it("is the seed's MultiStepLR([20, 25], 0.1) for 30 epochs", () => {
    const schedule = { ...SEED_SCHEDULE, epochs: 30 };
    expect(milestoneEpochs(schedule)).toEqual([20, 25]);
    const rates = Array.from({ length: 30 }, (_, e) => learningRateAt(schedule, e));
    expect(rates.slice(0, 20).every((r) => r === 0.1)).toBe(true);
    rates.slice(20, 25).forEach((r) => expect(r).toBeCloseTo(0.01, 12));
    rates.slice(25).forEach((r) => expect(r).toBeCloseTo(0.001, 12));
  });

  it('keeps the shape for other lengths', () => {
    expect(milestoneEpochs({ ...SEED_SCHEDULE, epochs: 6 })).toEqual([4, 5]);
    expect(learningRateAt({ ...SEED_SCHEDULE, epochs: 1 }, 0)).toBe(0.1);
  });
});
