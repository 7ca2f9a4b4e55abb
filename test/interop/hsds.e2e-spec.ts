import { randomBytes } from 'crypto';
import { createTestApp, type TestApp } from '@mmn/testing';
import { type Account, signInAdmin } from '../directory/directory-helpers';
import { sql } from '../referrals/referral-helpers';
import { get, gqlOk, type ListedTherapist, listedTherapist } from './interop-helpers';

interface Page<T> {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: T[];
}
interface Item {
  id: string;
  [key: string]: unknown;
}

describe('HSDS 3.0 feed', () => {
  let t: TestApp;
  let admin: Account;
  let miami: ListedTherapist;
  let columbus: ListedTherapist;
  let pending: ListedTherapist;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await signInAdmin(t);
    const suffix = randomBytes(2).toString('hex');
    miami = await listedTherapist(t, admin, { displayName: `Mia ${suffix}`, acceptingNewPatients: true });
    await gqlOk(
      t,
      `mutation($input: TherapistProfileInput!) { updateMyTherapistProfile(input: $input) { id } }`,
      { input: { conditionIds: ['carpal-tunnel-syndrome'], techniqueIds: ['myofascial-release'] } },
      miami.token,
    );
    columbus = await listedTherapist(t, admin, {
      displayName: `Cole ${suffix}`,
      location: { addressLine: '50 W Broad St', city: 'Columbus', state: 'OH', postalCode: '43215' },
    });
    pending = await listedTherapist(t, admin, { verify: false });
  });
  afterAll(() => t.close());

  it('describes itself at /hsds/', async () => {
    const res = await get<{ version: string; profile: string; openapi_url: string }>(t, '/hsds/');
    expect(res.status).toBe(200);
    expect(res.body.version).toBe('3.0');
    expect(res.body.openapi_url).toMatch(/^https:\/\//);
  });

  it('lists services (verified practices only) in the page wrapper, with taxonomy attributes and locations', async () => {
    const res = await get<Page<Item>>(t, '/hsds/services?per_page=100');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total_items: 2, page_number: 1, first_page: true, last_page: true, empty: false });
    const service = res.body.contents.find((s) => s.id === miami.therapistId)!;
    expect(service).toMatchObject({ organization_id: miami.therapistId, status: 'active' });
    expect((service.attributes as { taxonomy_term: { code: string } }[]).map((a) => a.taxonomy_term.code)).toEqual([
      'carpal-tunnel-syndrome',
      'myofascial-release',
    ]);
    expect((service.service_at_locations as Item[])[0].id).toBe(miami.locationId);
    expect(res.body.contents.map((s) => s.id)).not.toContain(pending.therapistId);
    const one = await get<Item>(t, `/hsds/services/${miami.therapistId}`);
    expect(one.body.id).toBe(miami.therapistId);
    expect((await get(t, `/hsds/services/${pending.therapistId}`)).status).toBe(404);
  });

  it('pages: per_page 1 gives two pages', async () => {
    const first = await get<Page<Item>>(t, '/hsds/organizations?per_page=1');
    expect(first.body).toMatchObject({ total_items: 2, total_pages: 2, size: 1, first_page: true, last_page: false });
    const second = await get<Page<Item>>(t, '/hsds/organizations?per_page=1&page=2');
    expect(second.body).toMatchObject({ page_number: 2, last_page: true });
    expect(first.body.contents[0].id).not.toBe(second.body.contents[0].id);
    expect((await get(t, '/hsds/organizations?per_page=500')).status).toBe(400);
  });

  it('finds service_at_locations by postcode and by proximity in metres', async () => {
    const byZip = await get<Page<Item>>(t, '/hsds/service_at_locations?postcode=43215');
    expect(byZip.body.contents.map((s) => s.id)).toEqual([columbus.locationId]);
    const near = await get<Page<Item>>(t, '/hsds/service_at_locations?postcode=33130&proximity=5000');
    expect(near.body.contents.map((s) => s.id)).toEqual([miami.locationId]);
    const far = await get<Page<Item>>(t, '/hsds/service_at_locations?postcode=10001&proximity=5000');
    expect(far.body.total_items).toBe(0);
    expect((await get(t, '/hsds/service_at_locations?proximity=5000')).status).toBe(400);
  });

  it('lists taxonomies and their terms', async () => {
    const res = await get<Page<Item>>(t, '/hsds/taxonomies');
    expect(res.body.contents.map((x) => x.name)).toEqual(['Conditions treated', 'Massage techniques']);
    const terms = await get<Page<Item>>(t, '/hsds/taxonomy_terms');
    const carpalTunnel = terms.body.contents.find((x) => x.code === 'carpal-tunnel-syndrome')!;
    expect(carpalTunnel).toMatchObject({ taxonomy: 'conditions', taxonomy_id: res.body.contents[0].id });
  });

  it('streams everything as ndjson, and modified_after pulls only what changed', async () => {
    const all = await get(t, '/hsds/services?format=ndjson');
    expect(all.status).toBe(200);
    expect(all.contentType).toMatch(/ndjson/);
    const lines = all.text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Item);
    expect(lines.map((s) => s.id).sort()).toEqual([miami.therapistId, columbus.therapistId].sort());

    await sql(t, `UPDATE therapists SET updated_at = now() - interval '2 days' WHERE id = ANY($1::uuid[])`, [
      [miami.therapistId, columbus.therapistId],
    ]);
    await sql(t, `UPDATE therapists SET updated_at = now() WHERE id = $1`, [columbus.therapistId]);
    const since = new Date(Date.now() - 86_400_000).toISOString();
    const changed = await get(t, `/hsds/service_at_locations?format=ndjson&modified_after=${since}`);
    expect(
      changed.text
        .trim()
        .split('\n')
        .map((line) => (JSON.parse(line) as Item).id),
    ).toEqual([columbus.locationId]);
    const paged = await get<Page<Item>>(t, `/hsds/services?modified_after=${since}`);
    expect(paged.body.contents.map((s) => s.id)).toEqual([columbus.therapistId]);
    expect((await get(t, '/hsds/services?modified_after=last-week')).status).toBe(400);
  });
});
