import crypto, { randomBytes } from 'crypto';
import { createTestApp, type TestApp } from '@mmn/testing';
import { type Account, signInAdmin } from '../directory/directory-helpers';
import { get, gqlOk, type ListedTherapist, listedTherapist } from './interop-helpers';
import { hsdsProblems, hsdsResponseProblems, prepareHsdsSchemas } from './hsds-schema';

interface Page {
  total_items: number;
  contents: { id: string }[];
}

/** Each collection endpoint: its OpenAPI path and the full HSDS schema its items (which are nested) must also meet. */
const COLLECTIONS = [
  { path: '/services', item: 'service.json', listItem: 'compiled/service_list.json' },
  {
    path: '/service_at_locations',
    item: 'service_at_location.json',
    listItem: 'compiled/service_at_location_list.json',
  },
  { path: '/organizations', item: 'organization.json', listItem: 'compiled/organization_list.json' },
];
const FIXED = ['/', '/taxonomies', '/taxonomy_terms'];

/**
 * The feed's answers against the official HSDS 3.0 JSON schemas (vendored in hsds-schemas/, draft 2020-12): every
 * endpoint's answer against the schema the standard's OpenAPI gives it, every item also against its full schema.
 */
describe('HSDS 3.0 feed against the official schemas', () => {
  let t: TestApp;
  let admin: Account;
  let ann: ListedTherapist;
  let bea: ListedTherapist;

  beforeAll(async () => {
    prepareHsdsSchemas(
      [...FIXED, ...COLLECTIONS.map((c) => c.path), '/services/{id}', '/organizations/{id}'],
      [...COLLECTIONS.flatMap((c) => [c.item, c.listItem]), 'taxonomy.json', 'taxonomy_term.json'],
    );
    t = await createTestApp();
    admin = await signInAdmin(t);
    const suffix = randomBytes(2).toString('hex');
    ann = await listedTherapist(t, admin, {
      displayName: `Ann ${suffix}`,
      networkId: 'aetna',
      certification: 'Manual lymphatic drainage',
      acceptingNewPatients: true, // also sets languages en and es
    });
    await gqlOk(
      t,
      `mutation($input: TherapistProfileInput!) { updateMyTherapistProfile(input: $input) { id } }`,
      {
        input: {
          conditionIds: ['carpal-tunnel-syndrome', 'low-back-pain'],
          techniqueIds: ['myofascial-release', 'neuromuscular-therapy'],
        },
      },
      ann.token,
    );
    bea = await listedTherapist(t, admin, {
      displayName: `Bea ${suffix}`,
      location: { addressLine: '50 W Broad St', city: 'Columbus', state: 'OH', postalCode: '43215' },
    });
    await listedTherapist(t, admin, { verify: false });
  });
  afterAll(() => t.close());

  it('has validators that reject what HSDS does not allow (so a pass means something)', () => {
    const service = { id: 'not-a-uuid', status: 'open', service_at_locations: [{ id: crypto.randomUUID() }] };
    expect(hsdsProblems('service.json', service)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^service must have required property 'name'/),
        expect.stringMatching(/^service\/id must match format "uuid"/),
        expect.stringMatching(/^service\/status must be equal to one of the allowed values/),
      ]),
    );
    const nested = { id: crypto.randomUUID(), name: 'x', status: 'active', attributes: [{ id: 'a1' }] };
    expect(hsdsProblems('service.json', nested)).toEqual([expect.stringMatching(/^service\/attributes\/0\/id /)]);
    expect(hsdsResponseProblems('/services', { total_items: '1', contents: [{ id: crypto.randomUUID() }] })).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\/services\/total_items must be integer/),
        expect.stringMatching(/^\/services\/contents\/0 must have required property 'name'/),
      ]),
    );
  });

  it('answers /, /taxonomies and /taxonomy_terms as the OpenAPI says, each taxonomy and term valid', async () => {
    for (const path of FIXED) {
      const res = await get<Page>(t, `/hsds${path}`);
      expect(res.status).toBe(200);
      expect(hsdsResponseProblems(path, res.body)).toEqual([]);
    }
    const taxonomies = await get<Page>(t, '/hsds/taxonomies');
    expect(taxonomies.body.contents.length).toBeGreaterThan(0);
    expect(taxonomies.body.contents.flatMap((x, i) => hsdsProblems('taxonomy.json', x, `[${i}]`))).toEqual([]);
    const terms = await get<Page>(t, '/hsds/taxonomy_terms');
    expect(terms.body.contents.length).toBeGreaterThan(10);
    expect(terms.body.contents.flatMap((x, i) => hsdsProblems('taxonomy_term.json', x, `[${i}]`))).toEqual([]);
  });

  it.each(COLLECTIONS)('pages $path: the page and every item valid, items also as full objects', async (c) => {
    for (const query of ['', '?per_page=1&page=2']) {
      const res = await get<Page>(t, `/hsds${c.path}${query}`);
      expect(res.status).toBe(200);
      expect(hsdsResponseProblems(c.path, res.body)).toEqual([]);
      expect(res.body.contents.length).toBeGreaterThan(0);
      expect(res.body.contents.flatMap((x, i) => hsdsProblems(c.item, x, `contents[${i}]`))).toEqual([]);
    }
  });

  it.each(COLLECTIONS)('streams $path as ndjson: every line a valid item, ids unique', async (c) => {
    const res = await get(t, `/hsds${c.path}?format=ndjson`);
    expect(res.status).toBe(200);
    const lines = res.text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { id: string });
    expect(lines).toHaveLength(2);
    expect(
      lines.flatMap((x, i) => [
        ...hsdsProblems(c.listItem, x, `line ${i + 1}`),
        ...hsdsProblems(c.item, x, `line ${i + 1}`),
      ]),
    ).toEqual([]);
    expect(new Set(lines.map((x) => x.id)).size).toBe(lines.length);
  });

  it('answers /services/{id} and /organizations/{id} as the OpenAPI says', async () => {
    for (const therapist of [ann, bea]) {
      const service = await get(t, `/hsds/services/${therapist.therapistId}`);
      expect(service.status).toBe(200);
      expect(hsdsResponseProblems('/services/{id}', service.body)).toEqual([]);
      const organization = await get(t, `/hsds/organizations/${therapist.therapistId}`);
      expect(organization.status).toBe(200);
      expect(hsdsResponseProblems('/organizations/{id}', organization.body)).toEqual([]);
    }
  });

  it('gives the attributes, languages and taxonomy terms of a service ids unique across the feed', async () => {
    const service = (
      await get<Record<string, { id: string; taxonomy_term?: { id: string } }[]>>(
        t,
        `/hsds/services/${ann.therapistId}`,
      )
    ).body;
    expect(service.attributes).toHaveLength(4);
    expect(service.languages).toHaveLength(2);
    const ids = [...service.attributes, ...service.languages].map((x) => x.id);
    expect(new Set(ids).size).toBe(ids.length);
    const terms = (await get<Page>(t, '/hsds/taxonomy_terms')).body.contents.map((x) => x.id);
    expect(terms).toEqual(expect.arrayContaining(service.attributes.map((a) => a.taxonomy_term!.id)));
    expect(new Set(terms).size).toBe(terms.length);
  });
});
