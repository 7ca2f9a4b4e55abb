import { createTestApp, type TestApp } from '@mmn/testing';
import { COLUMBUS, MIAMI, register, type Account } from './directory-helpers';

const UPDATE = `mutation($input: ProviderProfileInput!) { updateMyProviderProfile(input: $input) { id displayName npi taxonomyCode specialty organization locations { city state latitude longitude } } }`;

interface ProviderData {
  id: string;
  displayName: string;
  npi: string;
  taxonomyCode: string | null;
  locations: { city: string; state: string; latitude: number }[];
}

describe('provider profile', () => {
  let t: TestApp;
  let provider: Account;

  beforeAll(async () => {
    t = await createTestApp();
    provider = await register(t, 'PROVIDER', 'Dr. Rivera');
  });
  afterAll(() => t.close());

  const update = (account: Account, input: Record<string, unknown>) =>
    t.gql<{ updateMyProviderProfile: ProviderData }>(UPDATE, { input }, { token: account.token });

  it('starts empty at registration: its own id, the user display name and an NPI of ""', async () => {
    const res = await t.gql<{ myProviderProfile: ProviderData }>(
      `{ myProviderProfile { id displayName npi taxonomyCode locations { city } } }`,
      {},
      { token: provider.token },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.myProviderProfile).toMatchObject({
      displayName: 'Dr. Rivera',
      npi: '',
      taxonomyCode: null,
      locations: [],
    });
    expect(res.data!.myProviderProfile.id).not.toBe(provider.userId);
  });

  it('accepts a valid NPI and taxonomy code, and geocodes locations', async () => {
    const res = await update(provider, {
      npi: '1234567893',
      taxonomyCode: '207q00000x',
      specialty: 'Family Medicine',
      locations: [MIAMI, COLUMBUS],
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateMyProviderProfile).toMatchObject({
      npi: '1234567893',
      taxonomyCode: '207Q00000X',
      specialty: 'Family Medicine',
    });
    expect(res.data!.updateMyProviderProfile.locations.map((l) => l.state).sort()).toEqual(['FL', 'OH']);

    const replaced = await update(provider, { locations: [COLUMBUS] });
    expect(replaced.data!.updateMyProviderProfile.locations).toEqual([
      expect.objectContaining({ city: 'Columbus', state: 'OH' }),
    ]);
    expect(replaced.data!.updateMyProviderProfile.npi).toBe('1234567893');
  });

  it('refuses an NPI with a wrong check digit', async () => {
    const res = await update(provider, { npi: '1234567890' });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['input.npi'] });
  });

  it.each(['207Q00000', '207Q00000Y', '20-Q00000X', '207Q000000X'])(
    'refuses the taxonomy code %s',
    async (taxonomyCode) => {
      const res = await update(provider, { taxonomyCode });
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['input.taxonomyCode'] });
    },
  );

  it('refuses a second provider with the same NPI (CONFLICT)', async () => {
    const other = await register(t, 'PROVIDER');
    const res = await update(other, { npi: '1234567893' });
    expect(res.errors?.[0].extensions.code).toBe('CONFLICT');
  });

  it('checks each location against the gazetteer, naming the location', async () => {
    const res = await update(provider, { locations: [COLUMBUS, { ...MIAMI, postalCode: '00000' }] });
    expect(res.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: ['input.locations.1.postalCode'],
    });
  });

  it('shows a provider to signed-in users only, and is for providers only to edit', async () => {
    const id = (
      await t.gql<{ myProviderProfile: { id: string } }>(`{ myProviderProfile { id } }`, {}, { token: provider.token })
    ).data!.myProviderProfile.id;
    const patient = await register(t, 'PATIENT');
    const seen = await t.gql<{ provider: { id: string; npi: string } }>(
      `query($id: ID!) { provider(id: $id) { id npi } }`,
      { id },
      { token: patient.token },
    );
    expect(seen.data!.provider).toEqual({ id, npi: '1234567893' });
    const anonymous = await t.gql(`query($id: ID!) { provider(id: $id) { id } }`, { id });
    expect(anonymous.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    const refused = await update(patient, { specialty: 'x' });
    expect(refused.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });
});
