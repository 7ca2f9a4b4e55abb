/**
 * `npm run screenshots`: starts the application on a scratch data directory (demo data), and saves screenshots of
 * the home, results (desktop and 375 px wide) and profile pages, the therapist's profile editor and credentials,
 * the administrator's verification queue, and the referral pages (prescriber worklist, composer, hand-out, the
 * therapist's referral page, the patient's claim page) and the transfer pages (the offer to continue care in another
 * city, the transfer summary form, the continuation with the patient's consent) to docs/screenshots/.
 */
import { type ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { launchBrowser } from './support/browser';

const REPO = path.resolve(__dirname, '../..');
const OUT = path.join(REPO, 'docs/screenshots');
const PORT = Number(process.env.SCREENSHOT_PORT ?? 3917);
const BASE = `http://127.0.0.1:${PORT}`;

async function waitForResults(app: ChildProcess): Promise<void> {
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (app.exitCode !== null) throw new Error(`the application exited with code ${app.exitCode}`);
    const body = await fetch(`${BASE}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ searchTherapists(input: { near: "Miami, FL" }) { totalHits } }' }),
    }).then(
      (r) => r.text(),
      () => '',
    );
    if (/"totalHits":[1-9]/.test(body)) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('the demo directory was not searchable within 5 minutes');
}

async function api<T>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const res = await fetch(`${BASE}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: unknown[] };
  if (!body.data || body.errors) throw new Error(`API call failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

async function tokenOf(email: string): Promise<string> {
  const login = `mutation($input: LoginInput!) { login(input: $input) { accessToken } }`;
  const data = await api<{ login: { accessToken: string } }>(login, {
    input: { email, password: 'demo-massage-network-2026' },
  });
  return data.login.accessToken;
}

/** A referral from the demo prescriber to the demo therapist (demo patient details, no real person). */
async function demoReferral(): Promise<{ id: string; accessCode: string }> {
  const therapist = await api<{ myTherapistProfile: { id: string } }>(
    `{ myTherapistProfile { id } }`,
    {},
    await tokenOf('therapist@demo.example'),
  );
  const today = new Date().toISOString().slice(0, 10);
  const expires = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
  const created = await api<{ createReferral: { accessCode: string; referral: { id: string } } }>(
    `mutation($input: CreateReferralInput!) { createReferral(input: $input) { accessCode referral { id } } }`,
    {
      input: {
        idempotencyKey: `screenshots-${Date.now()}`,
        therapistId: therapist.myTherapistProfile.id,
        patient: { fullName: 'Alex Example', dateOfBirth: '1980-05-17' },
        prescription: {
          diagnosisCodes: ['M75.01'],
          bodyRegions: ['right shoulder'],
          visitsPerWeek: 2,
          durationWeeks: 4,
          visitsAuthorized: 8,
          sessionMinutes: 45,
          goals: ['Lift the arm overhead without pain'],
          precautions: ['Avoid deep pressure over the joint capsule'],
          writtenOn: today,
          expiresOn: expires,
        },
      },
    },
    await tokenOf('provider@demo.example'),
  );
  return { id: created.createReferral.referral.id, accessCode: created.createReferral.accessCode };
}

/** A second demo referral, claimed by the demo patient and accepted with one visit: care under way, to transfer. */
async function careUnderWay(): Promise<string> {
  const { id, accessCode } = await demoReferral();
  await api(
    `mutation($code: String!) { claimReferral(accessCode: $code, dateOfBirth: "1980-05-17") { id } }`,
    { code: accessCode },
    await tokenOf('patient@demo.example'),
  );
  const therapist = await tokenOf('therapist@demo.example');
  await api(`mutation($id: ID!) { acceptReferral(referralId: $id) { id } }`, { id }, therapist);
  await api(
    `mutation($input: RecordVisitInput!) { recordVisit(input: $input) { id } }`,
    { input: { referralId: id, occurredOn: new Date().toISOString().slice(0, 10), minutes: 45 } },
    therapist,
  );
  return id;
}

/** Starts the transfer as the demo patient; returns the continuation's id. */
async function transferToCincinnati(referralId: string): Promise<string> {
  const moved = await api<{ startTransfer: { id: string } }>(
    `mutation($input: StartTransferInput!) { startTransfer(input: $input) { id } }`,
    { input: { referralId, newCity: 'Cincinnati, OH', reason: 'The patient is moving' } },
    await tokenOf('patient@demo.example'),
  );
  return moved.startTransfer.id;
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mmn-screenshots-'));
  // When run as root, embedded PostgreSQL runs as an unprivileged user that must be able to enter the directory.
  fs.chmodSync(dataDir, 0o755);
  const app = spawn(process.execPath, ['-r', '@swc-node/register', path.join(REPO, 'apps/api/src/main.ts')], {
    cwd: REPO,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(PORT), LOG_LEVEL: 'warn', NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const browser = await launchBrowser();
  try {
    await waitForResults(app);
    fs.mkdirSync(OUT, { recursive: true });
    const shoot = async (url: string, file: string, width: number) => {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      await page.goto(`${BASE}${url}`);
      await page.screenshot({ path: path.join(OUT, file), fullPage: true });
      const href = await page
        .locator('ol.result-list > li h2 a')
        .first()
        .getAttribute('href')
        .catch(() => null);
      await page.close();
      return href;
    };
    await shoot('/', 'home.png', 1280);
    const profile = await shoot('/search?q=frozen+shoulder&near=Miami%2C+FL', 'results-desktop.png', 1280);
    await shoot('/search?q=frozen+shoulder&near=Miami%2C+FL', 'results-375.png', 375);
    if (profile) await shoot(profile, 'profile.png', 1280);
    // Signed-in pages: the therapist's profile editor and credentials, the administrator's verification queue.
    const signedIn = async (email: string, shots: [url: string, file: string, fullPage?: boolean][]) => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${BASE}/sign-in`);
      await page.getByLabel('Email address').fill(email);
      await page.getByLabel('Password').fill('demo-massage-network-2026');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((url) => url.pathname !== '/sign-in');
      for (const [url, file, fullPage = true] of shots) {
        await page.goto(`${BASE}${url}`);
        await page.screenshot({ path: path.join(OUT, file), fullPage });
      }
      await context.close();
    };
    await signedIn('therapist@demo.example', [
      ['/profile', 'therapist-profile-editor.png'],
      ['/profile/credentials', 'therapist-credentials.png'],
    ]);
    // The demo queue is long: its first screen only.
    await signedIn('admin@demo.example', [['/admin/verification', 'admin-verification-queue.png', false]]);
    // The referral pages: a referral from the demo prescriber to the demo therapist, made through the API.
    const { id: referralId } = await demoReferral();
    await signedIn('provider@demo.example', [
      ['/referrals', 'prescriber-worklist.png'],
      ['/referrals/new', 'composer.png'],
      [`/referrals/${referralId}/handout`, 'handout.png'],
    ]);
    await signedIn('therapist@demo.example', [[`/referrals/${referralId}`, 'therapist-referral.png']]);
    await signedIn('patient@demo.example', [['/claim', 'patient-claim.png']]);
    // Care that moves with the patient: the offer on active care, then both sides of a transfer.
    const active = await careUnderWay();
    await signedIn('patient@demo.example', [[`/referrals/${active}`, 'transfer-start.png']]);
    const continuation = await transferToCincinnati(active);
    await signedIn('therapist@demo.example', [[`/referrals/${active}`, 'transfer-summary-form.png']]);
    await signedIn('patient@demo.example', [[`/referrals/${continuation}`, 'transfer-continuation.png']]);
    console.log(`Screenshots written to ${path.relative(REPO, OUT)}/`);
  } finally {
    await browser.close();
    app.kill('SIGTERM');
    await new Promise((resolve) => app.once('exit', resolve));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
