import type { OperationOutcome } from '@medplum/fhirtypes';
import { createTestApp, fhirSchemaProblems, prepareFhirSchema, type TestApp } from '@mmn/testing';
import { type Account, signInAdmin } from '../directory/directory-helpers';
import { sql } from '../referrals/referral-helpers';
import { fhir, get, type ListedTherapist, listedTherapist } from './interop-helpers';

interface Manifest {
  transactionTime: string;
  request: string;
  requiresAccessToken: boolean;
  output: { type: string; url: string; count: number }[];
}

describe('FHIR bulk $export of the directory', () => {
  let t: TestApp;
  let admin: Account;
  let ann: ListedTherapist;
  let bea: ListedTherapist;

  const kickOff = (query = '') =>
    get(t, `/fhir/$export${query}`, { headers: { prefer: 'respond-async', accept: 'application/fhir+json' } });

  async function finished(statusUrl: string): Promise<Manifest> {
    for (let i = 0; i < 100; i++) {
      const res = await get<Manifest>(t, statusUrl);
      if (res.status === 200) return res.body;
      expect(res.status).toBe(202);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('export did not finish');
  }

  async function lines(url: string): Promise<{ resourceType: string; id: string }[]> {
    const res = await get(t, url);
    expect(res.status).toBe(200);
    expect(res.contentType).toMatch(/^application\/fhir\+ndjson/);
    return res.text
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { resourceType: string; id: string });
  }

  beforeAll(async () => {
    prepareFhirSchema();
    t = await createTestApp();
    admin = await signInAdmin(t);
    ann = await listedTherapist(t, admin, { networkId: 'aetna' });
    bea = await listedTherapist(t, admin, {
      location: { addressLine: '50 W Broad St', city: 'Columbus', state: 'OH', postalCode: '43215' },
    });
  });
  afterAll(() => t.close());

  it('kicks off with 202 and Content-Location, then answers the manifest and the NDJSON files', async () => {
    const res = await kickOff();
    expect(res.status).toBe(202);
    const statusUrl = res.headers.get('content-location')!;
    expect(statusUrl).toMatch(/\/fhir\/\$export-status\/[0-9a-f-]{36}$/);
    const manifest = await finished(statusUrl);
    expect(manifest.requiresAccessToken).toBe(false);
    expect(Date.parse(manifest.transactionTime)).not.toBeNaN();
    const byType = new Map(manifest.output.map((o) => [o.type, o]));
    expect([...byType.keys()].sort()).toEqual([
      'Location',
      'Organization',
      'Practitioner',
      'PractitionerRole',
      'VerificationResult',
    ]);
    expect(byType.get('Practitioner')!.count).toBe(2);
    const practitioners = await lines(byType.get('Practitioner')!.url);
    expect(practitioners.map((p) => p.id).sort()).toEqual([ann.therapistId, bea.therapistId].sort());
    for (const output of manifest.output) {
      const resources = await lines(output.url);
      expect(resources).toHaveLength(output.count);
      for (const resource of resources) {
        expect(resource.resourceType).toBe(output.type);
        expect(fhirSchemaProblems(resource)).toEqual([]);
      }
    }
  });

  it('honours _type and _since', async () => {
    await sql(t, `UPDATE therapists SET updated_at = now() - interval '2 days'`);
    await sql(t, `UPDATE therapists SET updated_at = now() WHERE id = $1`, [bea.therapistId]);
    const since = new Date(Date.now() - 86_400_000).toISOString();
    const res = await kickOff(`?_type=Practitioner,Location&_since=${since}`);
    expect(res.status).toBe(202);
    const manifest = await finished(res.headers.get('content-location')!);
    expect(manifest.output.map((o) => o.type).sort()).toEqual(['Location', 'Practitioner']);
    const practitioners = await lines(manifest.output.find((o) => o.type === 'Practitioner')!.url);
    expect(practitioners.map((p) => p.id)).toEqual([bea.therapistId]);
  });

  it('refuses a kick-off without Prefer: respond-async or with an unknown type, and unknown jobs', async () => {
    const sync = await fhir<OperationOutcome>(t, '/fhir/$export');
    expect(sync.status).toBe(400);
    const badType = await fhir<OperationOutcome>(t, '/fhir/$export?_type=Patient', {
      headers: { prefer: 'respond-async' },
    });
    expect(badType.status).toBe(400);
    expect(badType.body.issue[0].expression).toEqual(['_type']);
    expect((await get(t, '/fhir/$export-status/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('can be cancelled; an expired job is gone', async () => {
    const res = await kickOff('?_type=Organization');
    const statusUrl = res.headers.get('content-location')!;
    await finished(statusUrl);
    const cancel = await fetch(statusUrl, { method: 'DELETE' });
    expect(cancel.status).toBe(202);
    expect((await get(t, statusUrl)).status).toBe(404);

    const again = await kickOff('?_type=Organization');
    const againUrl = again.headers.get('content-location')!;
    const manifest = await finished(againUrl);
    await sql(t, `UPDATE fhir_export_jobs SET expires_at = now() - interval '1 second'`);
    expect((await get(t, againUrl)).status).toBe(404);
    expect((await get(t, manifest.output[0].url)).status).toBe(404);
  });
});
