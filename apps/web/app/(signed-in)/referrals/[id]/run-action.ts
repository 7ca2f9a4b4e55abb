import { redirect } from 'next/navigation';
import { CORRECT_FIELDS, errorState, type FormState, text } from '../../../../lib/forms';
import { actionSession } from '../../../../lib/session';

// Not a server action module: the helper below is called by the referral page's actions, never by the browser.

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Runs one referral action for the signed-in party, then goes to the referral page with what was done
 * (post/redirect/get: a reload never repeats it). Errors stay on the form: fields, or a banner. `call` may name
 * another referral to land on (a transfer lands on the continuation).
 */
export async function run(
  form: FormData,
  values: Record<string, string>,
  errors: Record<string, string>,
  call: (session: Awaited<ReturnType<typeof actionSession>>, referralId: string) => Promise<unknown>,
  done: string,
  fieldOf: (path: string) => string | null = (path) => (path in values ? path : null),
  landOn: (result: unknown, referralId: string) => string = (_, referralId) => referralId,
): Promise<FormState> {
  const referralId = text(form, 'referralId', 40);
  if (!UUID.test(referralId)) redirect('/referrals');
  if (Object.keys(errors).length > 0) return { status: 'error', message: CORRECT_FIELDS, fieldErrors: errors, values };
  const session = await actionSession(`/referrals/${referralId}`);
  let result: unknown;
  try {
    result = await call(session, referralId);
  } catch (error) {
    return errorState(error, values, (path) => fieldOf(path.replace(/^input\./, '')));
  }
  redirect(`/referrals/${landOn(result, referralId)}?done=${done}`);
}
