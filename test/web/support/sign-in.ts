import type { Page } from 'playwright-core';

export const DEMO_PASSWORD = 'demo-massage-network-2026';

/** Signs in through the sign-in form (a plain form post without JavaScript) and waits to leave the page. */
export async function signInAs(page: Page, email: string, next?: string): Promise<void> {
  await page.goto(next ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname !== '/sign-in');
}

/** The session cookies as the browser holds them. */
export async function sessionCookies(page: Page) {
  const cookies = await page.context().cookies();
  return {
    access: cookies.find((c) => c.name.endsWith('mmn_access')),
    refresh: cookies.find((c) => c.name.endsWith('mmn_refresh')),
    all: cookies,
  };
}
