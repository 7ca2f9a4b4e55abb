import { STATUS_COLOURS, STATUS_LABELS } from '../../lib/credentials';

/** A credential's or NPI's verification status on a tag (words, not colour alone). */
export function VerificationTag({ status }: { status: string }) {
  return (
    <span className={`usa-tag ${STATUS_COLOURS[status] ?? 'bg-base-dark'}`}>{STATUS_LABELS[status] ?? status}</span>
  );
}
