import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_LAG_MS, MAX_LAG_OPEN_MS, ProjectionSchedule, QUIET_MS } from './projection-schedule';

describe('the body projection schedule', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function schedule(maxLag?: (name: string) => number) {
    const runs: string[][] = [];
    const s = new ProjectionSchedule((names) => runs.push(names), maxLag, () => Date.now());
    return { s, runs };
  }

  it('projects a burst of changes once, after the quiet period', () => {
    const { s, runs } = schedule();
    for (let i = 0; i < 5; i++) {
      s.touch('body/a');
      vi.advanceTimersByTime(QUIET_MS / 3);
    }
    expect(runs).toEqual([]);
    vi.advanceTimersByTime(QUIET_MS);
    expect(runs).toEqual([['body/a']]);
    expect(s.has()).toBe(false);
  });

  it('never lets a body that keeps changing wait past its maximum lag', () => {
    const { s, runs } = schedule();
    for (let t = 0; t < MAX_LAG_MS + QUIET_MS; t += QUIET_MS / 2) {
      s.touch('body/a');
      vi.advanceTimersByTime(QUIET_MS / 2);
    }
    expect(runs.length).toBe(1);
  });

  it('lets a body open in a window wait longer, and projects it at once on flush', () => {
    const { s, runs } = schedule((n) => (n === 'body/open' ? MAX_LAG_OPEN_MS : MAX_LAG_MS));
    for (let t = 0; t < 2 * MAX_LAG_MS; t += QUIET_MS / 2) {
      s.touch('body/open');
      vi.advanceTimersByTime(QUIET_MS / 2);
    }
    expect(runs).toEqual([]);
    s.touch('body/other');
    s.flush('body/open');
    expect(runs).toEqual([['body/open']]);
    expect(s.has('body/other')).toBe(true);
    s.flush();
    expect(runs).toEqual([['body/open'], ['body/other']]);
    vi.advanceTimersByTime(MAX_LAG_OPEN_MS);
    expect(runs.length).toBe(2);
  });

  it('forgets what is waiting on cancel', () => {
    const { s, runs } = schedule();
    s.touch('body/a');
    s.cancel();
    vi.advanceTimersByTime(MAX_LAG_OPEN_MS);
    expect(runs).toEqual([]);
  });
});
