import type { Page } from 'playwright-core';
import { axeViolations } from './support/axe';
import { type BrowserSession, gql, openBrowser, startWebServer, type WebServer } from './support/web-harness';

// The patient journeys of the website in Chromium, with JavaScript on and off, on the seeded demo directory.
describe('website journeys', () => {
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

  async function searchFromHome(page: Page): Promise<void> {
    await page.goto('/');
    await page.getByLabel('What do you need help with?').fill('frozen sholder');
    await page.getByLabel('Where?').fill('Miami, FL');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.waitForURL(/\/search\?/);
    expect(new URL(page.url()).searchParams.get('q')).toBe('frozen sholder');
    const results = page.locator('ol.result-list > li');
    expect(await results.count()).toBeGreaterThan(0);
    const first = await results.first().innerText();
    expect(first).toMatch(/miles? away/);
    expect(first).toMatch(/verified/i);
    expect(await page.locator('#result-count').innerText()).toMatch(/\d+ therapists? near Miami, FL/);
  }

  it.each([true, false])(
    'a patient searches with a typo, filters, opens a profile and goes back (JavaScript %s)',
    async (javaScript) => {
      const page = await browser.page({ javaScript });
      await searchFromHome(page);
      // USWDS draws its own checkbox: the person clicks the label.
      await page.locator('label[for=accepting]').click();
      if (!javaScript) await page.getByRole('button', { name: 'Apply filters' }).click();
      await page.waitForURL(/accepting=1/);
      const filtered = page.url();
      expect(new URL(filtered).searchParams.get('near')).toBe('Miami, FL');
      const profileLink = page.locator('ol.result-list > li h2 a').first();
      const name = await profileLink.innerText();
      await profileLink.click();
      await page.waitForURL(/\/therapists\/[a-z0-9-]+-[0-9a-f-]{36}$/);
      expect(await page.locator('h1').innerText()).toContain(name);
      await page.goBack();
      await page.waitForURL(filtered);
      expect(await page.getByLabel('Accepting new patients').isChecked()).toBe(true);
      expect(await page.getByLabel('What do you need help with?').inputValue()).toBe('frozen sholder');
      await page.context().close();
    },
  );

  it('suggests places as the person types, through the web server (JavaScript on)', async () => {
    const page = await browser.page({ javaScript: true });
    await page.goto('/');
    const suggestions = page.waitForResponse((response) => new URL(response.url()).pathname === '/places');
    await page.getByLabel('Where?').pressSequentially('Miam', { delay: 30 });
    const response = await suggestions;
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { places: string[] };
    expect(body.places).toContain('Miami, FL');
    await page.waitForFunction("document.querySelectorAll('#near-suggestions option').length > 0");
    expect(await page.getByLabel('Where?').getAttribute('list')).toBe('near-suggestions');
    await page.context().close();
  });

  it('shows the results on a keyboard-usable map with JavaScript, and no map without it', async () => {
    const page = await browser.page({ javaScript: true });
    await page.goto('/search?near=Miami%2C+FL');
    const results = await page.locator('ol.result-list > li').count();
    await page.getByRole('button', { name: 'Show these results on a map' }).click();
    const toggle = page.locator('button[aria-controls="results-map"]');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await toggle.innerText()).toBe('Hide the map');
    const markers = page.locator('#results-map a.results-map__marker');
    expect(await markers.count()).toBe(results);
    expect(await markers.first().getAttribute('aria-label')).toMatch(/^1\. .+, [\d.]+ miles? away$/);
    // Tiles cannot load offline: the map and the list stay usable, and the first marker takes keyboard focus.
    await markers.first().focus();
    expect(await page.evaluate('document.activeElement?.getAttribute("class")')).toBe('results-map__marker');
    expect(await page.getByRole('link', { name: 'OpenStreetMap contributors' }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
    const plain = await browser.page({ javaScript: false });
    await plain.goto('/search?near=Miami%2C+FL');
    expect(await plain.locator('.results-map').count()).toBe(0);
    await plain.context().close();
  });

  it('finds therapists by ZIP code and sorts them by distance', async () => {
    const page = await browser.page({ javaScript: false });
    await page.goto('/search?near=33130&sort=distance');
    expect(await page.locator('#result-count').innerText()).toMatch(/near 33130 Miami, FL/);
    const distances = (await page.locator('ol.result-list > li').allInnerTexts()).map((text) => {
      const match = /(less than 0\.1|[\d.]+) miles? away/.exec(text);
      return match ? (match[1].startsWith('less') ? 0 : Number(match[1])) : NaN;
    });
    expect(distances.length).toBeGreaterThan(1);
    expect(distances.every((d, i) => !Number.isNaN(d) && (i === 0 || d >= distances[i - 1]))).toBe(true);
  });

  it('answers an unknown place with a suggestion that works', async () => {
    const page = await browser.page({ javaScript: false });
    await page.goto('/search?q=lymphedema&near=Miamy');
    const alert = page.getByTestId('unknown-place');
    expect(await alert.innerText()).toMatch(/We couldn.t find “Miamy”/);
    await alert.getByRole('link', { name: 'Miami, FL' }).click();
    await page.waitForURL(/near=Miami%2C\+FL/);
    expect(await page.locator('#result-count').innerText()).toMatch(/near Miami, FL/);
  });

  it('offers ways out when a filter leaves nothing: the widen link keeps the rest', async () => {
    const page = await browser.page({ javaScript: false });
    await page.goto('/search?near=Miami%2C+FL&radius=5&language=vi&accepting=1&context=wellness');
    const none = page.getByTestId('no-results');
    expect(await none.innerText()).toContain('No therapists match all of this');
    const widen = none.getByRole('link', { name: 'Search within 10 miles' });
    const href = new URL((await widen.getAttribute('href'))!, server.url);
    expect(href.searchParams.get('radius')).toBe('10');
    expect(href.searchParams.get('language')).toBe('vi');
    await widen.click();
    await page.waitForURL(/radius=10/);
    expect(await page.getByLabel('Distance').inputValue()).toBe('10');
    expect(await page.getByRole('link', { name: /Remove the language/ }).count()).toBeGreaterThanOrEqual(0);
    expect(await page.getByRole('link', { name: /Include therapists whose license/ }).count()).toBe(1);
  });

  it('shows a city page with therapists, conditions and nearby cities, and the state page lists it', async () => {
    const page = await browser.page({ javaScript: false });
    const response = await page.goto('/medical-massage/fl/miami');
    expect(response!.status()).toBe(200);
    expect(await page.locator('h1').innerText()).toBe('Medical massage therapists in Miami, FL');
    expect(await page.locator('ol.result-list > li').count()).toBeGreaterThan(0);
    expect(await page.getByRole('heading', { name: 'Conditions treated most' }).count()).toBe(1);
    await page.goto('/medical-massage/fl');
    await page.getByRole('link', { name: 'Miami', exact: true }).click();
    await page.waitForURL(/\/medical-massage\/fl\/miami$/);
    expect((await page.request.get('/medical-massage/zz/miami')).status()).toBe(404);
    expect((await page.request.get('/medical-massage/fl/nowhere-at-all')).status()).toBe(404);
  });

  it('lists verified profiles and city pages in the sitemap, named by robots.txt', async () => {
    const listing = await gql<{ verifiedTherapistListing: { entries: { id: string }[] } }>(
      server,
      `query($first: Int) { verifiedTherapistListing(first: $first) { entries { id } } }`,
      { first: 5000 },
    );
    const sitemap = await (await fetch(`${server.url}/sitemap.xml`)).text();
    const ids = [...sitemap.matchAll(/\/therapists\/[a-z0-9-]*-([0-9a-f-]{36})<\/loc><lastmod>\d{4}-\d\d-\d\d</g)].map(
      (m) => m[1],
    );
    expect(ids.sort()).toEqual(listing.verifiedTherapistListing.entries.map((e) => e.id).sort());
    expect(sitemap).toContain('/medical-massage/fl/miami</loc>');
    expect(await (await fetch(`${server.url}/robots.txt`)).text()).toMatch(/Sitemap: http.+\/sitemap\.xml/);
  });

  it('redirects other profile URLs to the canonical one (308) and answers 404 for a suspended therapist', async () => {
    const { login } = await gql<{ login: { accessToken: string } }>(
      server,
      `mutation { login(input: { email: "admin@demo.example", password: "demo-massage-network-2026" }) { accessToken } }`,
    );
    const listing = await gql<{ verifiedTherapistListing: { entries: { id: string; displayName: string }[] } }>(
      server,
      `{ verifiedTherapistListing(first: 2) { entries { id displayName } } }`,
    );
    const [kept, suspended] = listing.verifiedTherapistListing.entries;
    const redirect = await fetch(`${server.url}/therapists/${kept.id}`, { redirect: 'manual' });
    expect(redirect.status).toBe(308);
    expect(redirect.headers.get('location')).toMatch(new RegExp(`/therapists/[a-z0-9-]+-${kept.id}$`));
    await gql(
      server,
      `mutation($input: TherapistSuspensionInput!) { suspendTherapist(input: $input) { id } }`,
      { input: { therapistId: suspended.id, reason: 'Test suspension' } },
      login.accessToken,
    );
    const page = await browser.page({ javaScript: false });
    const response = await page.goto(`/therapists/someone-${suspended.id}`);
    expect(response!.status()).toBe(404);
    expect(await page.locator('h1').innerText()).toBe('Page not found');
  });

  it('reports a problem with a listing without JavaScript; errors are tied to their fields', async () => {
    const page = await browser.page({ javaScript: false });
    await page.goto('/search?near=Miami%2C+FL');
    await page.locator('ol.result-list > li h2 a').first().click();
    await page.waitForURL(/\/therapists\//);
    await page.getByRole('button', { name: 'Send report' }).click();
    await page.waitForLoadState('load');
    const details = page.getByLabel('Details');
    expect(await details.getAttribute('aria-invalid')).toBe('true');
    expect(await details.getAttribute('aria-describedby')).toContain('report-details-error');
    expect(await page.locator('#report-details-error').innerText()).toBe('Tell us what is wrong.');
    await page.getByLabel('What is wrong?').selectOption('WRONG_ADDRESS');
    await page.getByLabel('Details').fill('The clinic moved to 200 Main Street.');
    await page.getByRole('button', { name: 'Send report' }).click();
    await page.waitForLoadState('load');
    expect(await page.locator('#report-status').innerText()).toContain('Thank you');
  });

  it('answers bad input with a normal page, never a 500 or an injected script', async () => {
    const page = await browser.page({ javaScript: true });
    let dialogs = 0;
    page.on('dialog', (dialog) => {
      dialogs++;
      void dialog.dismiss();
    });
    const cases = [
      '/search?near=Miami%2C+FL&radius=9999&page=-1&sort=sideways&condition=no-such-condition',
      `/search?q=${'a'.repeat(10_000)}`,
      `/search?near=${encodeURIComponent('<script>alert(1)</script>')}`,
      `/search?near=${encodeURIComponent("Miami' OR 1=1; DROP TABLE therapists; --")}&q=${encodeURIComponent('"><img src=x onerror=alert(1)>')}`,
      '/search?page=99999&near=33130&language=%00%01&verified=maybe',
      '/therapists/%E0%A4%A',
    ];
    for (const url of cases.slice(0, -1)) {
      const response = await page.goto(url);
      expect([200, 404]).toContain(response!.status());
      expect(await page.locator('h1').count()).toBe(1);
    }
    // A path that is not valid percent-encoding is refused by Next itself, as a client error.
    expect((await page.request.get(cases[cases.length - 1])).status()).toBe(400);
    await page.goto('/search?near=Miami%2C+FL&radius=9999&page=-1');
    expect(await page.getByRole('status').first().innerText()).toMatch(/distance must be one of/);
    expect(dialogs).toBe(0);
  });

  it('sends the security headers and nonces every script', async () => {
    const response = await fetch(`${server.url}/search?near=Miami`);
    const csp = response.headers.get('content-security-policy')!;
    const nonce = /'nonce-([^']+)'/.exec(csp)![1];
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const attributes of scripts) expect(attributes).toContain(`nonce="${nonce}"`);
    // No third-party origin but the map's tile template (images, fetched only when the person opens the map) and
    // the attribution and schema links, which are not loaded.
    expect(html).not.toMatch(
      /https?:\/\/(?!127\.0\.0\.1|localhost|schema\.org|www\.openstreetmap\.org|tile\.openstreetmap\.org\/\{z\}|www\.sitemaps)/,
    );
    expect(csp).toMatch(/img-src [^;]*https:\/\/tile\.openstreetmap\.org/);
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'(;|$)/);
    // The API keeps answering as before on the same port.
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
  });

  it('has no axe violations on any page type', async () => {
    const listing = await gql<{ verifiedTherapistListing: { entries: { id: string }[] } }>(
      server,
      `{ verifiedTherapistListing(first: 1) { entries { id } } }`,
    );
    const pages = [
      '/',
      '/search?q=frozen+shoulder&near=Miami%2C+FL',
      '/search?near=Miami%2C+FL&radius=5&language=vi&context=wellness',
      '/search?near=Miamy',
      `/therapists/x-${listing.verifiedTherapistListing.entries[0].id}`,
      '/medical-massage',
      '/medical-massage/fl',
      '/medical-massage/fl/miami',
      '/no-such-page',
    ];
    const page = await browser.page({ javaScript: true });
    const failures: string[] = [];
    for (const url of pages) {
      await page.goto(url);
      for (const violation of await axeViolations(page)) failures.push(`${url}: ${violation}`);
    }
    const narrow = await browser.page({ javaScript: true, width: 320 });
    await narrow.goto('/search?q=frozen+shoulder&near=Miami%2C+FL');
    for (const violation of await axeViolations(narrow)) failures.push(`320px: ${violation}`);
    expect(await narrow.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(320);
    expect(failures).toEqual([]);
  });
});
