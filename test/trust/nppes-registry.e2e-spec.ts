import { createServer, type Server } from 'http';
import type { AddressInfo } from 'net';
import { createTestApp, type TestApp } from '@mmn/testing';
import { type Account, provider, signInAdmin } from '../referrals/referral-helpers';

const LOOKUP = `query($id: ID!) {
  providerRegistryRecord(providerId: $id) {
    status message
    record { npi kind name active primaryTaxonomy { code description state } states }
    comparison { nameMatches taxonomyMatches stateMatches active }
  }
}`;

interface Lookup {
  providerRegistryRecord: {
    status: string;
    message: string;
    record: { npi: string; name: string } | null;
    comparison: { nameMatches: boolean; taxonomyMatches: boolean | null; active: boolean } | null;
  };
}

/** A local registry speaking the NPPES API 2.1 format: records by NPI, a slow NPI, and every request seen. */
function startRegistry(records: Map<string, unknown>, slow: Set<string>, seen: string[]): Promise<Server> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://registry');
    const npi = url.searchParams.get('number') ?? '';
    seen.push(`${url.searchParams.get('version')}:${npi}`);
    const answer = () => {
      const record = records.get(npi);
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(record ? { result_count: 1, results: [record] } : { result_count: 0, results: [] }));
    };
    if (slow.has(npi)) setTimeout(answer, 6000).unref();
    else answer();
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe('trust: the NPPES registry beside the provider, for administrators', () => {
  let t: TestApp;
  let admin: Account;
  let registry: Server;
  const records = new Map<string, unknown>();
  const slow = new Set<string>();
  const seen: string[] = [];

  beforeAll(async () => {
    registry = await startRegistry(records, slow, seen);
    const { port } = registry.address() as AddressInfo;
    t = await createTestApp({ nppesApiUrl: `http://127.0.0.1:${port}/api/` });
    admin = await signInAdmin(t);
  });
  afterAll(async () => {
    await t.close();
    registry.close();
  });

  const npiOf = async (account: Account) =>
    (await t.as(account).gql<{ myProviderProfile: { npi: string } }>(`{ myProviderProfile { npi } }`)).data!
      .myProviderProfile.npi;

  it('shows the record and says when the name does not match the provider', async () => {
    const doctor = await provider(t, { verified: false, admin });
    const npi = await npiOf(doctor);
    records.set(npi, {
      number: npi,
      enumeration_type: 'NPI-1',
      basic: { first_name: 'SOMEONE', last_name: 'ELSE', status: 'A' },
      taxonomies: [{ code: '207Q00000X', desc: 'Family Medicine', primary: true, state: 'FL' }],
      addresses: [{ address_purpose: 'LOCATION', state: 'FL' }],
    });
    const res = await t.as(admin).gql<Lookup>(LOOKUP, { id: doctor.providerId });
    expect(res.errors).toBeUndefined();
    expect(res.data!.providerRegistryRecord).toMatchObject({
      status: 'FOUND',
      record: { npi, name: 'SOMEONE ELSE' },
      comparison: { nameMatches: false, active: true },
    });
    expect(res.data!.providerRegistryRecord.message).toMatch(/the name differs/);
    expect(seen).toContain(`2.1:${npi}`);
  });

  it('says NOT_FOUND for an NPI the registry does not know, and UNREACHABLE after a timeout', async () => {
    const unknown = await provider(t, { verified: false, admin });
    const missing = await t.as(admin).gql<Lookup>(LOOKUP, { id: unknown.providerId });
    expect(missing.data!.providerRegistryRecord).toMatchObject({ status: 'NOT_FOUND', record: null });
    const slowDoctor = await provider(t, { verified: false, admin });
    slow.add(await npiOf(slowDoctor));
    const timedOut = await t.as(admin).gql<Lookup>(LOOKUP, { id: slowDoctor.providerId });
    expect(timedOut.data!.providerRegistryRecord.status).toBe('UNREACHABLE');
    expect(timedOut.data!.providerRegistryRecord.message).toMatch(/check NPI \d{10} by hand/);
  });

  it('never looks anything up for someone who is not an administrator', async () => {
    const doctor = await provider(t, { verified: false, admin });
    const before = seen.length;
    const res = await t.as(doctor).gql(LOOKUP, { id: doctor.providerId });
    expect(res.errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect(seen.length).toBe(before);
  });
});
