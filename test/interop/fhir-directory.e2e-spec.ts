import { randomBytes } from 'crypto';
import type {
  Bundle,
  CapabilityStatement,
  Location,
  OperationOutcome,
  Organization,
  Practitioner,
  PractitionerRole,
  VerificationResult,
} from '@medplum/fhirtypes';
import { createTestApp, prepareFhirSchema, type TestApp } from '@mmn/testing';
import { type Account, isoDaysFromToday, signInAdmin } from '../directory/directory-helpers';
import { sql } from '../referrals/referral-helpers';
import { fhir, get, gqlOk, ids, type ListedTherapist, listedTherapist, resources } from './interop-helpers';
import { indexCaughtUp } from '../search/search-helpers';

const PLAN_NET = 'http://hl7.org/fhir/us/davinci-pdex-plan-net/StructureDefinition';

describe('FHIR directory (Plan-Net)', () => {
  let t: TestApp;
  let admin: Account;
  // A unique family name per run keeps name searches to this file's therapists.
  const family = `Quartz${randomBytes(3).toString('hex')}`;
  let ann: ListedTherapist;
  let bea: ListedTherapist;
  let unverified: ListedTherapist;

  beforeAll(async () => {
    prepareFhirSchema();
    t = await createTestApp();
    admin = await signInAdmin(t);
    ann = await listedTherapist(t, admin, {
      displayName: `Ann Maria ${family}`,
      networkId: 'aetna',
      certification: 'Manual lymphatic drainage',
      acceptingNewPatients: true,
    });
    bea = await listedTherapist(t, admin, {
      displayName: `Bea ${family}`,
      location: { addressLine: '50 W Broad St', city: 'Columbus', state: 'OH', postalCode: '43215' },
    });
    unverified = await listedTherapist(t, admin, { displayName: `Cy ${family}`, verify: false });
  });
  afterAll(() => t.close());

  it('answers /fhir/metadata with a CapabilityStatement naming Plan-Net, profiles, searches and includes', async () => {
    const res = await fhir<CapabilityStatement>(t, '/fhir/metadata');
    expect(res.status).toBe(200);
    const cs = res.body;
    expect(cs).toMatchObject({ kind: 'instance', fhirVersion: '4.0.1', status: 'active' });
    expect(cs.format).toEqual(expect.arrayContaining(['json']));
    expect(cs.implementationGuide).toEqual([
      'http://hl7.org/fhir/us/davinci-pdex-plan-net/ImplementationGuide/hl7.fhir.us.davinci-pdex-plan-net',
    ]);
    const roles = cs.rest![0].resource!.find((r) => r.type === 'PractitionerRole')!;
    expect(roles.profile).toBe(`${PLAN_NET}/plannet-PractitionerRole`);
    expect(roles.searchParam!.map((p) => p.name)).toEqual(
      expect.arrayContaining(['specialty', 'location', 'network', 'practitioner', '_id', '_lastUpdated']),
    );
    expect(roles.searchInclude).toEqual([
      'PractitionerRole:practitioner',
      'PractitionerRole:location',
      'PractitionerRole:network',
    ]);
    const types = cs.rest![0].resource!.map((r) => r.type);
    expect(types).toEqual(expect.arrayContaining(['Practitioner', 'Location', 'Organization', 'VerificationResult']));
  });

  describe('Practitioner', () => {
    it('reads a verified therapist with their verified license and certification as qualifications', async () => {
      const res = await fhir<Practitioner>(t, `/fhir/Practitioner/${ann.therapistId}`);
      expect(res.status).toBe(200);
      const p = res.body;
      expect(p.meta!.profile).toEqual([`${PLAN_NET}/plannet-Practitioner`]);
      expect(p.active).toBe(true);
      expect(p.name![0]).toMatchObject({ family, given: ['Ann', 'Maria'] });
      expect(p.qualification).toHaveLength(2);
      const license = p.qualification!.find((q) => q.id === ann.licenseId)!;
      expect(license.code.coding![0].code).toBe('225700000X');
      expect(license.issuer!.display).toMatch(/Florida/);
      const ext = license.extension![0];
      expect(ext.url).toBe(`${PLAN_NET}/practitioner-qualification`);
      expect(ext.extension).toEqual(
        expect.arrayContaining([
          { url: 'status', valueCode: 'active' },
          { url: 'whereValid', valueCodeableConcept: { coding: [{ system: 'https://www.usps.com/', code: 'FL' }] } },
        ]),
      );
    });

    it('lists an unverified therapist without qualifications (pending credentials are left out)', async () => {
      const res = await fhir<Practitioner>(t, `/fhir/Practitioner/${unverified.therapistId}`);
      expect(res.status).toBe(200);
      expect(res.body.qualification).toBeUndefined();
    });

    it('searches by name, family and given, with _revinclude of roles', async () => {
      const byFamily = await fhir<Bundle>(t, `/fhir/Practitioner?family=${family.toLowerCase()}`);
      expect(byFamily.body.type).toBe('searchset');
      expect(byFamily.body.total).toBe(3);
      expect(new Set(ids(byFamily.body))).toEqual(new Set([ann.therapistId, bea.therapistId, unverified.therapistId]));
      const byGiven = await fhir<Bundle>(t, `/fhir/Practitioner?given=mar&family=${family}`);
      expect(ids(byGiven.body)).toEqual([ann.therapistId]);
      const byName = await fhir<Bundle>(t, `/fhir/Practitioner?name=bea&family=${family}`);
      expect(ids(byName.body)).toEqual([bea.therapistId]);
      const withRoles = await fhir<Bundle>(
        t,
        `/fhir/Practitioner?family=${family}&_revinclude=PractitionerRole:practitioner`,
      );
      // The unverified therapist has no role.
      expect(new Set(ids(withRoles.body, 'PractitionerRole', 'include'))).toEqual(
        new Set([ann.therapistId, bea.therapistId]),
      );
      for (const entry of withRoles.body.entry!)
        expect(entry.fullUrl).toBe(`${t.url}/fhir/${entry.resource!.resourceType}/${entry.resource!.id}`);
    });

    it('filters by _id and _lastUpdated', async () => {
      const byId = await fhir<Bundle>(t, `/fhir/Practitioner?_id=${ann.therapistId},${bea.therapistId},nope`);
      expect(byId.body.total).toBe(2);
      const future = await fhir<Bundle>(t, `/fhir/Practitioner?family=${family}&_lastUpdated=gt${isoDaysFromToday(1)}`);
      expect(future.body.total).toBe(0);
      const recent = await fhir<Bundle>(
        t,
        `/fhir/Practitioner?family=${family}&_lastUpdated=ge${isoDaysFromToday(-1)}`,
      );
      expect(recent.body.total).toBe(3);
    });
  });

  describe('PractitionerRole', () => {
    it('reads a verified therapist’s role: specialty, licensed location, newpatients and network', async () => {
      const res = await fhir<PractitionerRole>(t, `/fhir/PractitionerRole/${ann.therapistId}`);
      const role = res.body;
      expect(role.meta!.profile).toEqual([`${PLAN_NET}/plannet-PractitionerRole`]);
      expect(role.practitioner!.reference).toBe(`Practitioner/${ann.therapistId}`);
      expect(role.specialty![0].coding![0]).toMatchObject({
        system: 'http://nucc.org/provider-taxonomy',
        code: '225700000X',
      });
      expect(role.location!.map((l) => l.reference)).toEqual([`Location/${ann.locationId}`]);
      const newPatients = role.extension!.find((e) => e.url === `${PLAN_NET}/newpatients`)!;
      expect(newPatients.extension![0].valueCodeableConcept!.coding![0].code).toBe('newpt');
      const network = role.extension!.find((e) => e.url === `${PLAN_NET}/network-reference`)!;
      expect(network.valueReference!.reference).toBe('Organization/aetna');
    });

    it('has no role for an unverified therapist', async () => {
      const res = await fhir<OperationOutcome>(t, `/fhir/PractitionerRole/${unverified.therapistId}`);
      expect(res.status).toBe(404);
      expect(res.body.issue[0].code).toBe('not-found');
    });

    it('searches by specialty, location, network, practitioner and _id, with _include of all three', async () => {
      const scope = `_id=${ann.therapistId},${bea.therapistId},${unverified.therapistId}`;
      const all = await fhir<Bundle>(
        t,
        `/fhir/PractitionerRole?${scope}&specialty=http://nucc.org/provider-taxonomy|225700000X`,
      );
      expect(new Set(ids(all.body))).toEqual(new Set([ann.therapistId, bea.therapistId]));
      const other = await fhir<Bundle>(t, `/fhir/PractitionerRole?${scope}&specialty=207Q00000X`);
      expect(other.body.total).toBe(0);
      const atLocation = await fhir<Bundle>(t, `/fhir/PractitionerRole?location=Location/${bea.locationId}`);
      expect(ids(atLocation.body)).toEqual([bea.therapistId]);
      const inNetwork = await fhir<Bundle>(t, `/fhir/PractitionerRole?${scope}&network=Organization/aetna`);
      expect(ids(inNetwork.body)).toEqual([ann.therapistId]);
      const byPractitioner = await fhir<Bundle>(
        t,
        `/fhir/PractitionerRole?practitioner=Practitioner/${bea.therapistId}`,
      );
      expect(ids(byPractitioner.body)).toEqual([bea.therapistId]);

      const included = await fhir<Bundle>(
        t,
        `/fhir/PractitionerRole?_id=${ann.therapistId}&_include=PractitionerRole:practitioner&_include=PractitionerRole:location&_include=PractitionerRole:network`,
      );
      expect(included.body.total).toBe(1);
      const inc = resources(included.body, 'include').map((r) => `${r.resourceType}/${r.id}`);
      expect(new Set(inc)).toEqual(
        new Set([`Practitioner/${ann.therapistId}`, `Location/${ann.locationId}`, 'Organization/aetna']),
      );
    });

    it('searches near a point through the location chain, nearest first', async () => {
      // A plain near-search is answered by the search engine, as the patient search is: current once indexed.
      await indexCaughtUp(t);
      const miami = await fhir<Bundle>(t, `/fhir/PractitionerRole?location.near=25.77|-80.19|20|km&_count=100`);
      expect(ids(miami.body)).toContain(ann.therapistId);
      expect(ids(miami.body)).not.toContain(bea.therapistId);
      const both = await fhir<Bundle>(
        t,
        `/fhir/PractitionerRole?location.near=39.96|-83.0|2000|km&${'_id'}=${ann.therapistId},${bea.therapistId}`,
      );
      expect(both.status).toBe(400); // 2000 km is beyond the 500 km cap
      const state = await fhir<Bundle>(
        t,
        `/fhir/PractitionerRole?location.address-state=oh&_id=${bea.therapistId},${ann.therapistId}`,
      );
      expect(ids(state.body)).toEqual([bea.therapistId]);
    });
  });

  describe('Location', () => {
    it('reads a licensed location with address and position', async () => {
      const res = await fhir<Location>(t, `/fhir/Location/${ann.locationId}`);
      expect(res.body).toMatchObject({
        status: 'active',
        name: 'Brickell clinic',
        address: { city: 'Miami', state: 'FL', postalCode: '33131', line: ['1 SE 3rd Ave'] },
      });
      expect(res.body.position!.latitude).toBeCloseTo(25.77, 0);
      expect(res.body.meta!.profile).toEqual([`${PLAN_NET}/plannet-Location`]);
    });

    it('does not list a location without a verified license of its state', async () => {
      expect((await get(t, `/fhir/Location/${unverified.locationId}`)).status).toBe(404);
    });

    it('searches by address-city, address-state, address-postalcode and near (nearest first)', async () => {
      const scope = `_id=${ann.locationId},${bea.locationId},${unverified.locationId}`;
      expect(ids((await fhir<Bundle>(t, `/fhir/Location?${scope}&address-city=mia`)).body)).toEqual([ann.locationId]);
      expect(ids((await fhir<Bundle>(t, `/fhir/Location?${scope}&address-state=OH`)).body)).toEqual([bea.locationId]);
      expect(ids((await fhir<Bundle>(t, `/fhir/Location?${scope}&address-postalcode=432`)).body)).toEqual([
        bea.locationId,
      ]);
      const near = await fhir<Bundle>(t, `/fhir/Location?${scope}&near=39.96|-83.0|300|mi`);
      expect(ids(near.body)).toEqual([bea.locationId]);
      const wide = await fhir<Bundle>(t, `/fhir/Location?${scope}&near=30|-82|500|km`);
      expect(ids(wide.body)).toEqual([]);
      const revinclude = await fhir<Bundle>(
        t,
        `/fhir/Location?_id=${ann.locationId}&_revinclude=PractitionerRole:location`,
      );
      expect(ids(revinclude.body, 'PractitionerRole', 'include')).toEqual([ann.therapistId]);
    });
  });

  describe('Organization', () => {
    it('has each network (Plan-Net Network) and the payer behind it', async () => {
      const network = await fhir<Organization>(t, '/fhir/Organization/aetna');
      expect(network.body.meta!.profile).toEqual([`${PLAN_NET}/plannet-Network`]);
      expect(network.body.type![0].coding![0].code).toBe('ntwk');
      expect(network.body.partOf!.reference).toBe('Organization/org-aetna');
      const payer = await fhir<Organization>(t, '/fhir/Organization/org-aetna');
      expect(payer.body.type![0].coding![0].code).toBe('payer');
    });

    it('searches by name and type', async () => {
      const byName = await fhir<Bundle>(t, '/fhir/Organization?name=aet');
      expect(ids(byName.body)).toEqual(['aetna', 'org-aetna']);
      const networks = await fhir<Bundle>(t, '/fhir/Organization?type=ntwk&_count=100');
      expect(resources(networks.body).every((o) => (o as Organization).type![0].coding![0].code === 'ntwk')).toBe(true);
      expect(networks.body.total).toBeGreaterThan(20);
    });
  });

  describe('VerificationResult', () => {
    it('shows the primary-source verification of a verified license (NDH)', async () => {
      const res = await fhir<VerificationResult>(t, `/fhir/VerificationResult/${ann.licenseId}`);
      const v = res.body;
      expect(v.meta!.profile).toEqual(['http://hl7.org/fhir/us/ndh/StructureDefinition/ndh-Verification']);
      expect(v.status).toBe('validated');
      expect(v.target![0].reference).toBe(`Practitioner/${ann.therapistId}`);
      expect(v.validationType!.coding![0].code).toBe('primary');
      expect(v.primarySource![0].who!.display).toBe('FL board online lookup');
      expect(v.nextScheduled).toBe(isoDaysFromToday(400));
      expect(v.statusDate).toBeDefined();
      expect(v.attestation!.who!.reference).toBe(`Practitioner/${ann.therapistId}`);
      const byTarget = await fhir<Bundle>(t, `/fhir/VerificationResult?target=Practitioner/${ann.therapistId}`);
      expect(byTarget.body.total).toBe(2);
    });

    it('has none for a pending license', async () => {
      expect((await get(t, `/fhir/VerificationResult/${unverified.licenseId}`)).status).toBe(404);
    });
  });

  it('pages a search to its end through next links', async () => {
    const seen: string[] = [];
    let url: string | undefined = `/fhir/Practitioner?family=${family}&_count=1`;
    let pages = 0;
    while (url) {
      const page: Bundle = (await fhir<Bundle>(t, url)).body;
      expect(page.total).toBe(3);
      expect(page.link!.find((l) => l.relation === 'self')).toBeDefined();
      seen.push(...ids(page).map(String));
      url = page.link!.find((l) => l.relation === 'next')?.url;
      pages += 1;
    }
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(3);
  });

  describe('errors as OperationOutcome', () => {
    it('404 for an unknown resource type and an unknown id', async () => {
      for (const path of [
        '/fhir/Medication',
        '/fhir/Medication/1',
        `/fhir/Practitioner/${randomBytes(4).toString('hex')}`,
      ]) {
        const res = await fhir<OperationOutcome>(t, path);
        expect(res.status).toBe(404);
        expect(res.body.resourceType).toBe('OperationOutcome');
        expect(res.body.issue[0]).toMatchObject({ severity: 'error', code: 'not-found' });
      }
    });

    it('400 for an unknown search parameter (ignored with Prefer: handling=lenient) and a bad _count', async () => {
      const unknown = await fhir<OperationOutcome>(t, '/fhir/Practitioner?shoe-size=9');
      expect(unknown.status).toBe(400);
      expect(unknown.body.issue[0]).toMatchObject({ code: 'invalid', expression: ['shoe-size'] });
      const lenient = await fhir<Bundle>(t, `/fhir/Practitioner?shoe-size=9&family=${family}`, {
        headers: { prefer: 'handling=lenient' },
      });
      expect(lenient.status).toBe(200);
      expect(lenient.body.total).toBe(3);
      for (const count of ['0', '101', 'ten', '-1']) {
        const res = await fhir<OperationOutcome>(t, `/fhir/Practitioner?_count=${count}`);
        expect(res.status).toBe(400);
        expect(res.body.issue[0].expression).toEqual(['_count']);
      }
      const badDate = await fhir<OperationOutcome>(t, '/fhir/Practitioner?_lastUpdated=yesterday');
      expect(badDate.status).toBe(400);
      const badInclude = await fhir<OperationOutcome>(t, '/fhir/PractitionerRole?_include=PractitionerRole:endpoint');
      expect(badInclude.status).toBe(400);
    });

    it('406 for XML; JSON through Accept or _format is fine', async () => {
      const xml = await fhir<OperationOutcome>(t, '/fhir/metadata?_format=xml');
      expect(xml.status).toBe(406);
      expect(xml.body.issue[0].code).toBe('not-supported');
      const acceptXml = await get(t, '/fhir/metadata', { headers: { accept: 'application/fhir+xml' } });
      expect(acceptXml.status).toBe(406);
      for (const accept of ['application/fhir+json', 'application/json', '*/*', 'text/html, application/json;q=0.9'])
        expect((await get(t, '/fhir/metadata', { headers: { accept } })).status).toBe(200);
      expect((await get(t, '/fhir/metadata?_format=json')).status).toBe(200);
    });
  });

  describe('lifecycle', () => {
    it('a suspended therapist disappears from reads and searches', async () => {
      const dee = await listedTherapist(t, admin, { displayName: `Dee ${family}x` });
      expect((await get(t, `/fhir/Practitioner/${dee.therapistId}`)).status).toBe(200);
      await gqlOk(
        t,
        `mutation($input: TherapistSuspensionInput!) { suspendTherapist(input: $input) { id } }`,
        { input: { therapistId: dee.therapistId, reason: 'Board investigation' } },
        admin.token,
      );
      for (const type of ['Practitioner', 'PractitionerRole'])
        expect((await get(t, `/fhir/${type}/${dee.therapistId}`)).status).toBe(404);
      expect((await get(t, `/fhir/Location/${dee.locationId}`)).status).toBe(404);
      expect((await fhir<Bundle>(t, `/fhir/Practitioner?family=${family}x`)).body.total).toBe(0);
      expect((await fhir<Bundle>(t, `/fhir/PractitionerRole?practitioner=${dee.therapistId}`)).body.total).toBe(0);
    });

    it('an expired license leaves qualification, the role and its location; its verification asks for revalidation', async () => {
      const eve = await listedTherapist(t, admin, { displayName: `Eve ${family}y` });
      await sql(t, `UPDATE licenses SET expires_on = $2 WHERE id = $1`, [eve.licenseId, isoDaysFromToday(-1)]);
      const practitioner = await fhir<Practitioner>(t, `/fhir/Practitioner/${eve.therapistId}`);
      expect(practitioner.body.qualification).toBeUndefined();
      expect((await get(t, `/fhir/PractitionerRole/${eve.therapistId}`)).status).toBe(404);
      expect((await get(t, `/fhir/Location/${eve.locationId}`)).status).toBe(404);
      const verification = await fhir<VerificationResult>(t, `/fhir/VerificationResult/${eve.licenseId}`);
      expect(verification.body.status).toBe('req-revalid');
    });
  });
});
