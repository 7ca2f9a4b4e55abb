import type { Metadata } from 'next';
import { Banner } from '../../../components/forms/fields';
import { hostContext } from '../../../lib/host';
import { safeNextPath } from '../../../lib/session/next-path';
import { SignInForm } from './sign-in-form';

export const metadata: Metadata = { title: 'Sign in', robots: { index: false } };

type Props = { searchParams: Promise<{ next?: string; reason?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  await hostContext();
  const { next, reason } = await searchParams;
  return (
    <div className="grid-row">
      <div className="grid-col-12 tablet:grid-col-8 desktop:grid-col-6">
        <h1>Sign in</h1>
        {reason === 'expired' ? (
          <Banner kind="info">Your session has ended. Sign in again to continue where you were.</Banner>
        ) : null}
        <SignInForm next={next ? safeNextPath(next) : ''} />
      </div>
    </div>
  );
}
