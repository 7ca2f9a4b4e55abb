import { Role } from '@mmn/shared';
import { type AccessRow, accessReportEntries, SYSTEM_ACTOR_NAME, UNKNOWN_ACTOR_NAME } from './access-report';

const at = new Date('2030-01-02T03:04:05Z');
const row = (overrides: Partial<AccessRow>): AccessRow => ({
  at,
  actor_id: 'u1',
  actor_role: 'PROVIDER',
  action: 'READ',
  outcome: 'ALLOWED',
  profile_name: null,
  account_name: null,
  ...overrides,
});

describe('accessReportEntries', () => {
  it('names a prescriber or therapist by their profile, others by their account', () => {
    expect(
      accessReportEntries([
        row({ profile_name: 'Dr. Ada Lovelace', account_name: 'ada' }),
        row({ actor_role: 'THERAPIST', action: 'ACCEPT', profile_name: 'Grace Hopper, LMT' }),
        row({ actor_role: 'PATIENT', action: 'CLAIM', account_name: 'Zelda' }),
        row({ actor_role: 'ADMIN', action: 'READ_AUDIT_LOG', account_name: 'Network admin' }),
      ]),
    ).toEqual([
      { at, actorRole: Role.PROVIDER, actorName: 'Dr. Ada Lovelace', action: 'READ', outcome: 'ALLOWED' },
      { at, actorRole: Role.THERAPIST, actorName: 'Grace Hopper, LMT', action: 'ACCEPT', outcome: 'ALLOWED' },
      { at, actorRole: Role.PATIENT, actorName: 'Zelda', action: 'CLAIM', outcome: 'ALLOWED' },
      { at, actorRole: Role.ADMIN, actorName: 'Network admin', action: 'READ_AUDIT_LOG', outcome: 'ALLOWED' },
    ]);
  });

  it('shows jobs as the network, and an account that no longer exists as such', () => {
    const [system, gone] = accessReportEntries([
      row({ actor_role: 'SYSTEM', actor_id: null, action: 'EXPIRE' }),
      row({ actor_role: 'THERAPIST', outcome: 'DENIED' }),
    ]);
    expect(system).toMatchObject({ actorRole: Role.ADMIN, actorName: SYSTEM_ACTOR_NAME, action: 'EXPIRE' });
    expect(gone).toMatchObject({ actorRole: Role.THERAPIST, actorName: UNKNOWN_ACTOR_NAME, outcome: 'DENIED' });
  });
});
