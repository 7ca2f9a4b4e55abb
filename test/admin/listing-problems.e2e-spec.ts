import { createTestApp, type TestApp } from '@mmn/testing';
import { type Account, register, signInAdmin } from '../directory/directory-helpers';
import { createTherapist } from '../search/search-helpers';

const REPORT = `mutation($input: ListingProblemInput!) { reportListingProblem(input: $input) }`;
const LIST = `query($resolved: Boolean) {
  listingProblemReports(resolved: $resolved) { id category details createdAt resolvedAt resolutionNote therapist { id displayName } }
}`;
const RESOLVE = `mutation($id: ID!, $note: String!) { resolveListingProblemReport(id: $id, note: $note) { id resolvedAt resolutionNote } }`;

interface Reports {
  listingProblemReports: { id: string; details: string; resolutionNote: string | null; therapist: { id: string } }[];
}

describe('admin: listing problem reports', () => {
  let t: TestApp;
  let admin: Account;
  let therapistId: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await signInAdmin(t);
    therapistId = (
      await createTherapist(t, admin, {
        name: 'Stale Listing',
        locations: [{ addressLine: '1 SE 3rd Ave', city: 'Miami', state: 'FL', postalCode: '33131' }],
        license: { state: 'FL', verified: true },
      })
    ).id;
  });
  afterAll(() => t.close());

  it('lists open reports with their listing, resolves one with a note, and refuses to resolve it twice', async () => {
    for (const details of ['The phone number is disconnected', 'Moved to Coral Gables'])
      expect(
        (await t.gql(REPORT, { input: { therapistId, category: 'WRONG_PHONE', details } })).errors,
      ).toBeUndefined();
    const open = await t.as(admin).gql<Reports>(LIST);
    expect(open.data!.listingProblemReports.map((r) => [r.details, r.therapist.id])).toEqual([
      ['The phone number is disconnected', therapistId],
      ['Moved to Coral Gables', therapistId],
    ]);
    const id = open.data!.listingProblemReports[0].id;
    const resolved = await t.as(admin).gql(RESOLVE, { id, note: 'Called the clinic; number updated by the therapist' });
    expect(resolved.errors).toBeUndefined();
    const again = await t.as(admin).gql(RESOLVE, { id, note: 'again' });
    expect(again.errors?.[0].extensions.code).toBe('CONFLICT');
    const stillOpen = await t.as(admin).gql<Reports>(LIST);
    expect(stillOpen.data!.listingProblemReports.map((r) => r.details)).toEqual(['Moved to Coral Gables']);
    const done = await t.as(admin).gql<Reports>(LIST, { resolved: true });
    expect(done.data!.listingProblemReports[0].resolutionNote).toBe(
      'Called the clinic; number updated by the therapist',
    );
  });

  it('is for administrators only and says what is wrong with a blank note or an unknown report', async () => {
    const patient = await register(t, 'PATIENT');
    expect((await t.as(patient).gql(LIST)).errors?.[0].extensions.code).toBe('FORBIDDEN');
    const blank = await t.as(admin).gql(RESOLVE, { id: '00000000-0000-4000-8000-000000000000', note: '  ' });
    expect(blank.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['note'] });
    const unknown = await t.as(admin).gql(RESOLVE, { id: '00000000-0000-4000-8000-000000000000', note: 'done' });
    expect(unknown.errors?.[0].extensions.code).toBe('NOT_FOUND');
  });
});
