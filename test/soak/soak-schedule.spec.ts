import { describeSchedule, FAULTS_END_BY, faultSchedule, faultTimeline, MEILI_DOWN_SHARE } from './soak-schedule';

describe('the soak fault schedule', () => {
  it('is the same for the same seed and differs between seeds', () => {
    expect(faultSchedule(42)).toEqual(faultSchedule(42));
    expect(describeSchedule(faultSchedule(42))).toEqual(describeSchedule(faultSchedule(42)));
    expect(faultSchedule(1)).not.toEqual(faultSchedule(2));
  });

  it.each(Array.from({ length: 200 }, (_, i) => i + 1))('seed %i: every fault fits the rules', (seed) => {
    const s = faultSchedule(seed);
    const down = s.meiliDown.reduce((sum, w) => sum + (w.to - w.from), 0);
    expect(down).toBeCloseTo(MEILI_DOWN_SHARE, 2);
    expect(s.meiliDown.length).toBeGreaterThanOrEqual(2);
    s.meiliDown.forEach((w, i) => {
      expect(w.from).toBeGreaterThan(0);
      expect(w.to - w.from).toBeGreaterThanOrEqual(0.049);
      if (i > 0) expect(w.from).toBeGreaterThanOrEqual(s.meiliDown[i - 1].to + 0.029);
    });
    const timeline = faultTimeline(s);
    expect(timeline).toHaveLength(2 * s.meiliDown.length + 4);
    expect(timeline.every((e) => e.at > 0 && e.at <= FAULTS_END_BY)).toBe(true);
    expect(timeline.map((e) => e.at)).toEqual([...timeline.map((e) => e.at)].sort((a, b) => a - b));
    expect(s.smtpRefusing.to).toBeGreaterThan(s.smtpRefusing.from);
    expect(Math.abs(s.pgRestartAt - s.apiKill.at)).toBeGreaterThanOrEqual(0.08);
    expect([0, 1]).toContain(s.apiKill.api);
  });

  it('kills Meilisearch before restarting it, window by window', () => {
    const kinds = faultTimeline(faultSchedule(7))
      .map((e) => e.action.kind)
      .filter((k) => k.startsWith('meili'));
    expect(kinds.join(' ')).toMatch(/^(meili-kill meili-start ?)+$/);
  });
});
