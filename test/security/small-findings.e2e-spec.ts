import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { startEmbeddedMeilisearch } from '@mmn/runtime';
import { createTestApp, type TestApp } from '@mmn/testing';

describe('security: small findings (finding 11)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers a lone surrogate in search text with BAD_USER_INPUT naming the field, not SERVICE_UNAVAILABLE', async () => {
    const query = 'query($input: TherapistSearchInput!) { searchTherapists(input: $input) { totalHits } }';
    // JSON.stringify escapes the lone surrogate as \ud800, which JSON.parse on the server turns back into one.
    const res = await t.gql(query, { input: { text: 'lymph\ud800edema', near: 'Miami, FL' } });
    expect(res.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions.fields).toEqual(['input.text']);
    // A proper pair (an emoji) is fine.
    let ok = await t.gql(query, { input: { text: 'lymphedema 😀' } });
    for (let i = 0; i < 50 && ok.errors; i++) {
      await new Promise((r) => setTimeout(r, 100));
      ok = await t.gql(query, { input: { text: 'lymphedema 😀' } });
    }
    expect(ok.errors).toBeUndefined();
  });

  it('passes the embedded Meilisearch master key through the environment, not the process list', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mmn-meili-key-'));
    const masterKey = 'embedded-master-key-under-test-0123';
    const meili = await startEmbeddedMeilisearch({ dataDir, masterKey });
    try {
      const cmdline = fs.readFileSync(`/proc/${meili.process.pid}/cmdline`, 'utf8');
      expect(cmdline).toContain('--db-path');
      expect(cmdline).not.toContain(masterKey);
      // The key is in force: without it the keys route is refused, with it answered.
      expect((await fetch(`${meili.url}/keys`)).status).toBe(401);
      expect((await fetch(`${meili.url}/keys`, { headers: { authorization: `Bearer ${masterKey}` } })).status).toBe(
        200,
      );
    } finally {
      await meili.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
