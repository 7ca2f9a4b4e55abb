import { errorsByCode, figuresByKind, isServerFault, MIX, pickKind, targets, type ResourceSample } from './load-mix';

const quiet: ResourceSample = { apiRssMb: 300, postgresMb: 60, apiConnections: 3, totalConnections: 4, stuck: 0 };

describe('load mix', () => {
  it('shares add up to 1 and split 70/20/10 across the groups', () => {
    const share = (g: string) => MIX.filter((m) => m.group === g).reduce((n, m) => n + m.share, 0);
    expect(share('anonymous')).toBeCloseTo(0.7);
    expect(share('signed-in')).toBeCloseTo(0.2);
    expect(share('write')).toBeCloseTo(0.1);
  });

  it('picks kinds in proportion to their shares', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 10_000; i++) counts.set(pickKind(i / 10_000), (counts.get(pickKind(i / 10_000)) ?? 0) + 1);
    for (const m of MIX) expect(Math.abs((counts.get(m.kind) ?? 0) / 10_000 - m.share)).toBeLessThan(0.001);
    expect(pickKind(0.999999)).toBe('referralTransition');
  });

  it('summarises per kind and fails on INTERNAL, 5xx and growing resources only', () => {
    const samples = [
      { kind: 'search', ms: 10 },
      { kind: 'search', ms: 30 },
      { kind: 'profileEdit', ms: 5, code: 'BAD_USER_INPUT' },
    ];
    const search = figuresByKind(samples).find((f) => f.kind === 'search')!;
    expect([search.count, search.p50, search.p99]).toEqual([2, 10, 30]);
    expect(errorsByCode(samples).get('BAD_USER_INPUT')).toBe(1);
    expect(targets(samples, 1, quiet, quiet).every((t) => t.pass)).toBe(true);
    const bad = targets([...samples, { kind: 'search', ms: 1, code: 'HTTP_502' }], 1, quiet, {
      ...quiet,
      apiRssMb: 900,
    });
    expect(bad.filter((t) => !t.pass).map((t) => t.name)).toEqual([
      '5xx / cut-off / timed-out requests',
      'API resident memory, start / warm -> end',
    ]);
    expect(['INTERNAL', 'HTTP_500', 'ECONNRESET', 'UND_ERR_SOCKET'].every(isServerFault)).toBe(true);
    expect(['BAD_USER_INPUT', 'CONFLICT', 'NOT_FOUND'].some(isServerFault)).toBe(false);
  });
});
