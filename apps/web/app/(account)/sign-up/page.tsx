import type { Metadata } from 'next';
import Link from 'next/link';
import { hostContext } from '../../../lib/host';
import { safeNextPath } from '../../../lib/session/next-path';
import { SignUpForm } from './sign-up-form';

export const metadata: Metadata = { title: 'Create an account', robots: { index: false } };

type Props = { searchParams: Promise<{ next?: string }> };

export default async function SignUpPage({ searchParams }: Props) {
  await hostContext();
  const { next } = await searchParams;
  const safeNext = next ? safeNextPath(next) : '';
  return (
    <div className="grid-row">
      <div className="grid-col-12 tablet:grid-col-8">
        <h1>Create an account</h1>
        <SignUpForm next={safeNext} />
        <p>
          Have an account already?{' '}
          <Link className="usa-link" href={safeNext ? `/sign-in?next=${encodeURIComponent(safeNext)}` : '/sign-in'}>
            Sign in
          </Link>
        </p>
      </div>
    </div>
  );
}
