import { describe, expect, it } from 'vitest';
import { addSample, chartScale, executorSteps, executorsAt, executorsNow, jobMarks } from './usage-series';

const t = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s)).toISOString();
const ms = (s: number) => Date.UTC(2026, 0, 1, 0, 0, s);

describe('executorSteps', () => {
  it('counts executors alive from add and remove times, leaving the driver out', () => {
    const steps = executorSteps([
      { executorId: 'driver', addTime: t(0) },
      { executorId: '1', addTime: t(10), removeTime: t(40) },
      { executorId: '2', addTime: t(10) },
      { executorId: '3', addTime: t(20), removeTime: t(30) },
    ]);
    expect(steps).toEqual([
      { at: ms(10), count: 2 },
      { at: ms(20), count: 3 },
      { at: ms(30), count: 2 },
      { at: ms(40), count: 1 },
    ]);
    expect(executorsAt(steps, ms(5))).toBe(0);
    expect(executorsAt(steps, ms(25))).toBe(3);
    expect(executorsAt(steps, ms(100))).toBe(1);
    expect(executorsNow(steps)).toBe(1);
    expect(executorsNow([])).toBe(0);
  });

  it('skips executors without an add time', () => {
    expect(executorSteps([{ executorId: '1' }])).toEqual([]);
  });
});

describe('jobMarks', () => {
  it('orders jobs by submission and keeps the end when known', () => {
    expect(
      jobMarks([
        { jobId: '2', submissionTime: t(30) },
        { jobId: '1', name: 'count', submissionTime: t(5), completionTime: t(9) },
        { jobId: '3' },
      ]),
    ).toEqual([
      { id: '1', label: 'Job 1 (count)', start: ms(5), end: ms(9) },
      { id: '2', label: 'Job 2', start: ms(30) },
    ]);
  });
});

describe('addSample', () => {
  it('ignores a sample no newer than the last and drops the oldest beyond the limit', () => {
    let samples = addSample([], { at: 1, dcu: 4 });
    samples = addSample(samples, { at: 1, dcu: 8 });
    expect(samples).toEqual([{ at: 1, dcu: 4 }]);
    samples = addSample(samples, { at: 2, dcu: 8 }, 2);
    samples = addSample(samples, { at: 3, dcu: 12 }, 2);
    expect(samples).toEqual([
      { at: 2, dcu: 8 },
      { at: 3, dcu: 12 },
    ]);
  });
});

describe('chartScale', () => {
  it('spans the session and every point, with non-zero ranges', () => {
    expect(chartScale(100, 100, [], [])).toEqual({ from: 100, to: 1100, maxDcu: 1, maxExecutors: 1 });
    expect(chartScale(100, 5000, [{ at: 50, dcu: 12 }], [{ at: 200, count: 3 }])).toEqual({
      from: 50,
      to: 5000,
      maxDcu: 12,
      maxExecutors: 3,
    });
    // A point later than `to` (the server's clock ahead of the browser's) widens the range.
    expect(chartScale(100, 5000, [{ at: 9000, dcu: 4 }], []).to).toBe(9000);
  });
});
