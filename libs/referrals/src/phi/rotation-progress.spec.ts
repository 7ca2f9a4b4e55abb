import { rotationProgressLine } from './rotation-progress';

describe('rotationProgressLine', () => {
  it('gives counts, a percentage, the rate and an estimate of the time left', () => {
    expect(rotationProgressLine({ done: 1200, total: 5000, elapsedMs: 2000 })).toBe(
      '1,200 of 5,000 referrals re-wrapped (24%), 600/s, about 7 s left',
    );
  });

  it('says done at the end and estimates nothing before the first batch', () => {
    expect(rotationProgressLine({ done: 10, total: 10, elapsedMs: 50 })).toMatch(/\(100%\), 200\/s, done$/);
    expect(rotationProgressLine({ done: 0, total: 10, elapsedMs: 0 })).toMatch(/\(0%\), 0\/s, estimating$/);
    expect(rotationProgressLine({ done: 0, total: 0, elapsedMs: 0 })).toMatch(/\(100%\)/);
  });

  it('switches to minutes and hours for long runs', () => {
    expect(rotationProgressLine({ done: 100, total: 100_000, elapsedMs: 10_000 })).toMatch(/about 2\.8 h left$/);
    expect(rotationProgressLine({ done: 1000, total: 200_000, elapsedMs: 10_000 })).toMatch(/about 33 min left$/);
  });
});
