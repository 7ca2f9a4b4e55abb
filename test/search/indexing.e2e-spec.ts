import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DataSource } from 'typeorm';
import { startEmbeddedMeilisearch } from '@mmn/runtime';
import { DOCUMENT_FIELDS, ReindexService, SearchOutboxWorker, TherapistIndex } from '@mmn/search';
import { createTestApp, type TestApp, testServices } from '@mmn/testing';
import { type Account, signInAdmin } from '../directory/directory-helpers';
import { createTherapist, indexCaughtUp, names, search } from './search-helpers';

const MIAMI = { addressLine: '1 SE 3rd Ave', city: 'Miami', state: 'FL', postalCode: '33131' };
const verified = { state: 'FL', verified: true };

describe('keeping the index in step with PostgreSQL', () => {
  let t: TestApp;
  let admin: Account;
  beforeAll(async () => {
    t = await createTestApp({ runSearchWorker: false });
    admin = await signInAdmin(t);
  });
  afterAll(() => t.close());

  it('writes an outbox row in the same transaction as the profile change, and indexes only public fields', async () => {
    const { id, account } = await createTherapist(t, admin, {
      name: 'Olga Outbox',
      locations: [MIAMI],
      license: verified,
      conditionIds: ['scoliosis'],
    });
    const dataSource = t.app.get(DataSource);
    const [{ pending }] = await dataSource.query(
      `SELECT count(*)::int AS pending FROM search_outbox WHERE therapist_id = $1 AND processed_at IS NULL`,
      [id],
    );
    expect(pending).toBeGreaterThan(0);
    // A refused write leaves no outbox row behind.
    const before = (await dataSource.query(`SELECT count(*)::int AS n FROM search_outbox`))[0].n;
    const bad = await t.gql(
      `mutation($input: TherapistProfileInput!) { updateMyTherapistProfile(input: $input) { id } }`,
      { input: { conditionIds: ['no-such-condition'] } },
      { token: account.token },
    );
    expect(bad.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    expect((await dataSource.query(`SELECT count(*)::int AS n FROM search_outbox`))[0].n).toBe(before);

    await indexCaughtUp(t);
    const index = t.app.get(TherapistIndex).index();
    const { results } = await index.getDocuments({ filter: `therapistId = "${id}"`, limit: 10 });
    expect(results).toHaveLength(1);
    for (const doc of results)
      expect(Object.keys(doc).filter((k) => !(DOCUMENT_FIELDS as readonly string[]).includes(k))).toEqual([]);
  });

  it('lets two workers run together and delivers each outbox row exactly once', async () => {
    const dataSource = t.app.get(DataSource);
    const therapists = [];
    for (let i = 0; i < 6; i++)
      therapists.push(await createTherapist(t, admin, { name: `Twin ${i}`, locations: [MIAMI], license: verified }));
    await dataSource.query(
      `INSERT INTO search_outbox (therapist_id) SELECT id FROM therapists, generate_series(1, 20)`,
    );
    const [{ due }] = await dataSource.query(
      `SELECT count(*)::int AS due FROM search_outbox WHERE processed_at IS NULL`,
    );
    const worker = t.app.get(SearchOutboxWorker);
    const byWorker: string[][] = [[], []];
    const run = async (mine: string[]) => {
      for (let idle = 0; idle < 3;) {
        const n = await worker.processBatch(7, (rowIds) => mine.push(...rowIds));
        idle = n === 0 ? idle + 1 : 0;
      }
    };
    await Promise.all(byWorker.map(run));
    const delivered = byWorker.flat();
    // Both took part, and no row went to both.
    expect(byWorker[0].length).toBeGreaterThan(0);
    expect(byWorker[1].length).toBeGreaterThan(0);
    expect(delivered.length).toBe(new Set(delivered).size);
    const [{ left }] = await dataSource.query(
      `SELECT count(*)::int AS left FROM search_outbox WHERE processed_at IS NULL`,
    );
    expect(left).toBe(0);
    expect(delivered.length).toBe(due);
    expect(names((await search(t, { text: 'Twin', pageSize: 50 })).data!.searchTherapists)).toHaveLength(6);
  });

  it('rebuilds into a new index and swaps it in, keeping searches answered throughout', async () => {
    await indexCaughtUp(t);
    const before = (await search(t, { near: 'Miami, FL', pageSize: 50 })).data!.searchTherapists.totalHits;
    const rebuilding = t.app.get(ReindexService).rebuild(3);
    const during: number[] = [];
    let done = false;
    void rebuilding.finally(() => (done = true));
    while (!done) {
      const res = await search(t, { near: 'Miami, FL', pageSize: 50 });
      expect(res.errors).toBeUndefined();
      during.push(res.data!.searchTherapists.totalHits);
    }
    const report = await rebuilding;
    expect(report.therapists).toBeGreaterThanOrEqual(7);
    expect(during.every((n) => n === before)).toBe(true);
    const after = (await search(t, { near: 'Miami, FL', pageSize: 50 })).data!.searchTherapists.totalHits;
    expect(after).toBe(before);
    const indexes = await t.app.get(TherapistIndex).index().getRawInfo();
    expect(indexes.uid).toBe(t.app.get(TherapistIndex).liveName);
  });
});

describe('when Meilisearch is down', () => {
  let t: TestApp;
  let admin: Account;
  let meili: Awaited<ReturnType<typeof startEmbeddedMeilisearch>>;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mmn-meili-outage-'));
  const masterKey = 'outage-test-master-key-123';
  let port: number;

  beforeAll(async () => {
    void testServices();
    meili = await startEmbeddedMeilisearch({ dataDir, masterKey });
    port = Number(new URL(meili.url).port);
    t = await createTestApp({ meiliUrl: meili.url, meiliMasterKey: masterKey });
    admin = await signInAdmin(t);
  });
  afterAll(async () => {
    await t.close();
    await meili.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps accepting writes, answers searches SERVICE_UNAVAILABLE quickly, and converges when it returns', async () => {
    await createTherapist(t, admin, { name: 'Before Outage', locations: [MIAMI], license: verified });
    await indexCaughtUp(t);
    await meili.stop();

    const started = Date.now();
    const res = await search(t, { near: 'Miami, FL' });
    // Does not hang waiting for the engine (the client gives up after its own short timeout).
    expect(Date.now() - started).toBeLessThan(5000);
    expect(res.errors![0].extensions.code).toBe('SERVICE_UNAVAILABLE');
    const health = await fetch(`${t.url}/health`);
    expect(health.status).toBe(503);
    const body = (await health.json()) as { dependencies: { meilisearch: { state: string } } };
    expect(body.dependencies.meilisearch.state).toBe('down');

    const during = await createTherapist(t, admin, { name: 'During Outage', locations: [MIAMI], license: verified });
    expect(during.id).toBeTruthy();
    // FHIR's near-search falls back to PostgreSQL: it still answers, and sees the therapist the index has not yet.
    const fhirNear = await fetch(`${t.url}/fhir/PractitionerRole?location.near=25.77|-80.19|20|km&_count=100`, {
      headers: { accept: 'application/fhir+json' },
    });
    expect(fhirNear.status).toBe(200);
    const bundle = (await fhirNear.json()) as { entry?: { resource: { id: string } }[] };
    expect(bundle.entry?.map((e) => e.resource.id)).toContain(during.id);
    const worker = t.app.get(SearchOutboxWorker);
    await worker.processBatch();
    const backlog = await worker.backlog();
    expect(backlog.backlog).toBeGreaterThan(0);

    meili = await startEmbeddedMeilisearch({ dataDir, masterKey, port });
    const dataSource = t.app.get(DataSource);
    await dataSource.query(`UPDATE search_outbox SET next_attempt_at = now() WHERE processed_at IS NULL`);
    await indexCaughtUp(t);
    expect(names((await search(t, { near: 'Miami, FL' })).data!.searchTherapists).sort()).toEqual([
      'Before Outage',
      'During Outage',
    ]);
  });
});
