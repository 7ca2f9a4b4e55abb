import type { Page } from 'playwright-core';

export interface Draft {
  patientName: string;
  dob: string;
  codes?: string;
  lookUp?: { text: string; code: string };
  visits: number;
}

/** Fills the composer's edit step (JavaScript on or off) up to, not including, review. */
export async function fillComposer(page: Page, draft: Draft): Promise<void> {
  await page.getByLabel('Full name').fill(draft.patientName);
  await page.getByLabel('Date of birth').fill(draft.dob);
  await page.getByLabel('City or ZIP code').fill('Miami, FL');
  if (draft.codes) await page.getByLabel('Diagnosis codes (ICD-10-CM)').fill(draft.codes);
  if (draft.lookUp) {
    await page.getByLabel('Look up a diagnosis by code or words').pressSequentially(draft.lookUp.text, { delay: 20 });
    await page.getByRole('button', { name: `Add ${draft.lookUp.code}`, exact: true }).click();
  }
  await page.getByLabel('Body regions').fill('right wrist, right forearm');
  await page.getByLabel('Visits authorized').fill(String(draft.visits));
  await page.getByLabel('Functional goals').fill('Type for an hour without numbness');
}

export async function reviewAndSend(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Review the referral' }).click();
  await page.getByRole('heading', { name: 'Review the referral' }).waitFor();
  await page.getByRole('button', { name: 'Send referral' }).click();
  const code = page.getByTestId('access-code');
  await code.waitFor();
  return (await code.innerText()).trim();
}

/** The referral id from a /referrals/<id> URL or link. */
export function referralIdOf(href: string): string {
  return /\/referrals\/([0-9a-f-]{36})/.exec(href)![1];
}
