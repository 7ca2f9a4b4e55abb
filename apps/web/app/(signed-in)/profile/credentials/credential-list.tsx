import type { ReactNode } from 'react';
import { VerificationTag } from '../../../../components/credentials/verification-tag';
import { ActionForm } from '../../../../components/forms/action-form';
import { type CredentialVerification, expiryWarning, verificationDetail } from '../../../../lib/credentials';
import { formatDate } from '../../../../lib/referral-wording';
import { removeCredential } from './actions';

export interface CredentialRow {
  id: string;
  kind: 'LICENSE' | 'CERTIFICATION' | 'NETWORK_MEMBERSHIP';
  title: string;
  details: ReactNode;
  expiresOn?: string | null;
  verification: CredentialVerification;
}

/** One kind of credential: status badge, what the status means, expiry (with its warning) and removal. */
export function CredentialList({ rows, empty, today }: { rows: CredentialRow[]; empty: string; today: string }) {
  if (rows.length === 0) return <p>{empty}</p>;
  return (
    <ul className="usa-list usa-list--unstyled">
      {rows.map((row) => {
        const warning = expiryWarning(row.expiresOn, today);
        return (
          <li key={row.id} className="border-top border-base-lighter padding-y-2">
            <h3 className="margin-y-05">
              {row.title} <VerificationTag status={warning && warning.days < 0 ? 'EXPIRED' : row.verification.status} />
            </h3>
            <p className="margin-y-05">{row.details}</p>
            <p className="margin-y-05">{verificationDetail(row.verification)}</p>
            <p className="margin-y-05">{row.expiresOn ? `Expires ${formatDate(row.expiresOn)}.` : 'No expiry date.'}</p>
            {warning ? (
              <div className="usa-alert usa-alert--warning usa-alert--slim margin-y-1">
                <div className="usa-alert__body">
                  <p className="usa-alert__text">{warning.text}</p>
                </div>
              </div>
            ) : null}
            <ActionForm
              id={`remove-${row.id}`}
              action={removeCredential}
              className="margin-0"
              hidden={{ id: row.id, kind: row.kind }}
              buttons={[{ label: `Remove ${row.title}`, secondary: true }]}
            />
          </li>
        );
      })}
    </ul>
  );
}
