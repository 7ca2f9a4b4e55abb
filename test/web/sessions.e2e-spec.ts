import { axeViolations } from './support/axe';
import { DEMO_PASSWORD, sessionCookies, signInAs } from './support/sign-in';
import { type BrowserSession, openBrowser, startWebServer, type WebServer } from './support/web-harness';

// Sessions of the signed-in web: tokens only in HttpOnly cookies, refreshed server-side, back to where you were.
describe('signed-in web: sessions', () => {
  let server: WebServer;
  let browser: BrowserSession;

  beforeAll(async () => {
    server = await startWebServer({ seed: true });
    browser = await openBrowser(server.url);
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('sends a visitor without a session to sign-in and back to the page afterwards (JavaScript off)', async () => {
    const page = await browser.page({ javaScript: false });
    const first = await page.goto('/referrals?show=active');
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/referrals?show=active');
    expect(first!.status()).toBe(200);
    await page.getByLabel('Email address').fill('provider@demo.example');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/referrals\?show=active$/);
    expect(await page.locator('h1').innerText()).toBe('Your referrals');
    const { access, refresh, all } = await sessionCookies(page);
    for (const cookie of [access!, refresh!]) {
      expect(cookie.httpOnly).toBe(true);
      expect(cookie.secure).toBe(true);
      expect(cookie.sameSite).toBe('Lax');
      expect(cookie.name.startsWith('__Host-')).toBe(true);
    }
    // The page's scripts cannot read any session cookie.
    expect(all.every((c) => c.httpOnly)).toBe(true);
    const response = await page.request.get('/referrals');
    expect(response.headers()['cache-control']).toMatch(/no-store/);
    expect(await page.locator('meta[name=robots]').getAttribute('content')).toMatch(/noindex/);
    await page.context().close();
  });

  it('answers a wrong password in plain words and the throttle with the time to retry', async () => {
    const page = await browser.page({ javaScript: false });
    await page.goto('/sign-in');
    const attempt = async () => {
      await page.getByLabel('Email address').fill('admin@demo.example');
      await page.getByLabel('Password').fill('not the right password at all');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForLoadState();
      return page.getByRole('alert').first().innerText();
    };
    expect(await attempt()).toMatch(/email address or password is not right/);
    let answer = '';
    for (let i = 0; i < 12 && !/try again in/.test(answer); i++) answer = await attempt();
    expect(answer).toMatch(/Too many sign-in attempts\. Please try again in \d+ minutes?\./);
    expect(await page.getByLabel('Email address').inputValue()).toBe('admin@demo.example');
    await page.context().close();
  });

  it('refreshes an expired access token server-side and stays on the page; an ended session signs in again', async () => {
    const page = await browser.page({ javaScript: false });
    await signInAs(page, 'patient@demo.example');
    expect(new URL(page.url()).pathname).toBe('/referrals');
    const before = await sessionCookies(page);
    // The access cookie expires a minute before its token: the browser drops it, the refresh token remains.
    await page.context().clearCookies({ name: before.access!.name });
    await page.goto('/referrals?show=completed');
    expect(page.url()).toMatch(/\/referrals\?show=completed$/);
    expect(await page.locator('h1').innerText()).toBe('My referrals');
    const after = await sessionCookies(page);
    expect(after.access?.value).toBeTruthy();
    expect(after.refresh!.value).not.toBe(before.refresh!.value);
    // The session ends (the refresh token no longer works): sign in again, then back to the same page.
    await page.context().clearCookies({ name: after.access!.name });
    await page.context().addCookies([{ ...after.refresh!, value: 'no-longer-valid' }]);
    await page.goto('/referrals?show=closed');
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    expect(await page.getByText('Your session has ended').count()).toBe(1);
    await page.getByLabel('Email address').fill('patient@demo.example');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/referrals\?show=closed$/);
    await page.context().close();
  });

  it('signs up with the password rules shown first and errors at the field; signs out', async () => {
    const page = await browser.page({ javaScript: true });
    await page.goto('/sign-up');
    const password = page.getByLabel('Password');
    expect(await page.locator(`#${await password.getAttribute('aria-describedby')}`).innerText()).toMatch(
      /At least 12 characters/,
    );
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('label[for=sign-up-role-patient]').click();
    await page.getByLabel('Your name').fill('Pat Newcomer');
    await page.getByLabel('Email address').fill('pat.newcomer@example.com');
    await password.fill('password1234');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.locator('#sign-up-password-error').waitFor();
    expect(await password.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#sign-up-password-error').innerText()).toMatch(/common|guess/i);
    await password.fill('violet harbour tangerine quietly');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(/\/referrals$/);
    expect(await page.locator('h1').innerText()).toBe('My referrals');
    expect(await axeViolations(page)).toEqual([]);
    const { refresh } = await sessionCookies(page);
    await page.getByRole('button', { name: /Sign out/ }).click();
    await page.waitForURL((url) => url.pathname === '/');
    expect((await sessionCookies(page)).refresh).toBeUndefined();
    // The API revoked the session: the old refresh token is refused.
    const replay = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken } }',
        variables: { t: refresh!.value },
      }),
    });
    expect(JSON.stringify(await replay.json())).toMatch(/UNAUTHENTICATED/);
    await page.context().close();
  });

  it('has no axe violations on the sign-in page and the worklist, and refuses a next path to another site', async () => {
    const page = await browser.page({ javaScript: true });
    await page.goto('/sign-in?next=//evil.example/steal');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Email address').fill('therapist@demo.example');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/127\.0\.0\.1:\d+\/referrals$/);
    expect(await page.locator('h1').innerText()).toBe('Referral inbox');
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });
});
