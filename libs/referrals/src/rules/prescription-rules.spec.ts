import {
  MAX_VISITS_AUTHORIZED,
  renewalNote,
  renewalProblems,
  textProblems,
  visitDateProblems,
} from './prescription-rules';

describe('visitDateProblems', () => {
  const today = '2026-12-01';
  it('accepts a visit between the written date and today, both included', () => {
    expect(visitDateProblems('2026-11-01', '2026-11-01', today)).toEqual([]);
    expect(visitDateProblems(today, '2026-11-01', today)).toEqual([]);
  });
  it('refuses a visit in the future or before the prescription was written', () => {
    expect(visitDateProblems('2026-12-02', '2026-11-01', today)).toEqual([
      { path: 'input.occurredOn', message: 'cannot be in the future' },
    ]);
    expect(visitDateProblems('2026-10-31', '2026-11-01', today)).toEqual([
      { path: 'input.occurredOn', message: 'cannot be before the prescription was written' },
    ]);
  });
});

describe('renewalProblems', () => {
  const today = '2026-12-01';
  const current = { visitsAuthorized: 12, expiresOn: '2027-03-01' };
  const paths = (problems: { path: string }[]) => problems.map((p) => p.path);

  it('accepts more visits, a later expiry within a year of today, or both', () => {
    expect(renewalProblems(current, { additionalVisits: 6 }, today)).toEqual([]);
    expect(renewalProblems(current, { additionalVisits: 0, newExpiresOn: '2027-12-01' }, today)).toEqual([]);
    expect(renewalProblems(current, { additionalVisits: 6, newExpiresOn: '2027-06-01' }, today)).toEqual([]);
  });
  it('refuses an expiry that is not later than the current one, or more than a year from today', () => {
    expect(paths(renewalProblems(current, { additionalVisits: 1, newExpiresOn: '2027-03-01' }, today))).toEqual([
      'input.newExpiresOn',
    ]);
    expect(paths(renewalProblems(current, { additionalVisits: 1, newExpiresOn: '2027-12-02' }, today))).toEqual([
      'input.newExpiresOn',
    ]);
  });
  it(`refuses more than ${MAX_VISITS_AUTHORIZED} visits in all, and a renewal that changes nothing`, () => {
    expect(renewalProblems(current, { additionalVisits: MAX_VISITS_AUTHORIZED - 12 }, today)).toEqual([]);
    expect(renewalProblems(current, { additionalVisits: MAX_VISITS_AUTHORIZED - 11 }, today)[0].message).toMatch(
      /more than 104 visits in all/,
    );
    expect(renewalProblems(current, { additionalVisits: 0 }, today)).toEqual([
      { path: 'input.additionalVisits', message: 'add visits or give a new expiry date' },
    ]);
  });
  it('describes the renewal in the event note', () => {
    expect(renewalNote({ additionalVisits: 6, newExpiresOn: '2027-06-01' }, '2027-06-01')).toBe(
      'Renewed: 6 more visits, expires on 2027-06-01',
    );
    expect(renewalNote({ additionalVisits: 0, newExpiresOn: '2027-06-01' }, '2027-06-01')).toBe(
      'Renewed: expires on 2027-06-01',
    );
  });
});

describe('textProblems', () => {
  it('refuses blank and too long text, accepts the rest', () => {
    expect(textProblems('reason', '   ', 10)).toHaveLength(1);
    expect(textProblems('reason', 'x'.repeat(11), 10)).toHaveLength(1);
    expect(textProblems('reason', 'moved away', 10)).toEqual([]);
  });
});
