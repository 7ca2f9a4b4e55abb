import { createTestApp, type TestApp } from '@mmn/testing';
import { claimedReferral, OPS, PATIENT_DOB, referralParties } from '../referrals/referral-helpers';

/** The request log as the app writes it (pino, one JSON object per line). */
class LogLines {
  readonly lines: string[] = [];
  write(chunk: string): void {
    this.lines.push(...chunk.split('\n').filter(Boolean));
  }
  requests(): Record<string, unknown>[] {
    return this.lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((entry) => 'req' in entry);
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

describe('security: the HTTP surface of the API', () => {
  let t: TestApp;
  const log = new LogLines();
  beforeAll(async () => {
    t = await createTestApp({ logLevel: 'info' }, [], { logDestination: log });
  });
  afterAll(() => t.close());

  describe('finding 2: nothing of a response in the request log', () => {
    it('logs a referral read as method, path, status, duration and request id only, and sends no ETag', async () => {
      const parties = await referralParties(t);
      const { referral } = await claimedReferral(t, parties);
      const res = await fetch(`${t.url}/graphql?debug=${PATIENT_DOB}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${parties.doctor.token}` },
        body: JSON.stringify({ query: OPS.read, variables: { id: referral.id } }),
      });
      expect(res.status).toBe(200);
      expect(
        ((await res.json()) as { data: { referral: { patient: { dateOfBirth: string } } } }).data.referral.patient
          .dateOfBirth,
      ).toBe(PATIENT_DOB);
      expect(res.headers.get('etag')).toBeNull();
      await fetch(`${t.url}/some/page?q=lymphedema&dob=${PATIENT_DOB}`);
      await settle();
      const entries = log.requests();
      expect(entries.length).toBeGreaterThan(5);
      for (const entry of entries) {
        expect(Object.keys(entry.req as object).sort()).toEqual(['id', 'method', 'path']);
        expect(Object.keys(entry.res as object)).toEqual(['statusCode']);
        expect(typeof entry.responseTime).toBe('number');
      }
      const read = entries.find(
        (e) => (e.req as { path: string }).path === '/graphql' && (e.res as { statusCode: number }).statusCode === 200,
      );
      expect(read).toBeDefined();
      expect(entries.map((e) => (e.req as { path: string }).path)).toContain('/some/page');
      const text = log.lines.join('\n');
      expect(text).not.toMatch(/etag|content-length|lymphedema|\?q=|\?debug/i);
      expect(text).not.toContain(PATIENT_DOB);
    });
  });

  describe('finding 6: security headers and no caching on API responses', () => {
    it.each(['/graphql', '/health'])(
      '%s carries nosniff, no framing, a referrer policy and Cache-Control: no-store',
      async (path) => {
        const res =
          path === '/graphql'
            ? await fetch(`${t.url}${path}`, {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify({ query: '{ techniques { id } }' }),
              })
            : await fetch(`${t.url}${path}`);
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
        expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
        expect(res.headers.get('x-frame-options')).toBe('DENY');
        expect(res.headers.get('referrer-policy')).toBe('no-referrer');
        expect(res.headers.get('cache-control')).toBe('no-store');
        expect(res.headers.get('etag')).toBeNull();
        expect(res.headers.get('x-powered-by')).toBeNull();
        // HSTS only in production (below): a development server on plain HTTP must not pin the browser to HTTPS.
        expect(res.headers.get('strict-transport-security')).toBeNull();
      },
    );

    it('leaves other paths (the website) to set their own headers', async () => {
      const res = await fetch(`${t.url}/referrals/some-page`);
      expect(res.headers.get('cache-control')).not.toBe('no-store');
      expect(res.headers.get('content-security-policy') ?? '').not.toContain("default-src 'none'");
    });

    it('adds HSTS and a CSP that loads nothing in production', async () => {
      const production = await createTestApp({ nodeEnv: 'production', databaseUrl: t.databaseUrl });
      try {
        const res = await fetch(`${production.url}/health`);
        expect(res.headers.get('strict-transport-security')).toMatch(/max-age=31536000/);
        expect(res.headers.get('content-security-policy')).toBe("default-src 'none';frame-ancestors 'none'");
      } finally {
        await production.close();
      }
    });
  });

  describe('finding 7: GraphQL over POST only', () => {
    it('refuses a GET query (with its search text in the URL) with 405 and BAD_USER_INPUT, and logs no query string', async () => {
      const query = encodeURIComponent('{ searchTherapists(input: { text: "lymphedema" }) { totalHits } }');
      const res = await fetch(`${t.url}/graphql?query=${query}`, { headers: { 'apollo-require-preflight': 'true' } });
      expect(res.status).toBe(405);
      expect(res.headers.get('allow')).toBe('POST');
      const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
      expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      await settle();
      expect(log.lines.join('\n')).not.toContain('lymphedema');
    });
  });

  describe('finding 11: limit errors are client errors', () => {
    it('answers a document over the token limit with HTTP 400 and BAD_USER_INPUT', async () => {
      const res = await t.post('/graphql', JSON.stringify({ query: `{ techniques { ${'id '.repeat(2001)} } }` }));
      expect(res.status).toBe(400);
      const body = JSON.parse(res.text) as { errors: { message: string; extensions: { code: string } }[] };
      expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(body.errors[0].message).toMatch(/2000 tokens/);
    });
  });
});
