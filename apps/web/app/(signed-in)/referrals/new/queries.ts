import { ComposerProviderDocument, ComposerTherapistDocument, ComposerVocabularyDocument } from '@mmn/api-client';
import type { Session } from '../../../../lib/session';

/** What the composer needs: the vocabulary, the prescriber's verification, and the therapist from a profile. */
export async function loadComposer(session: Session, therapistId: string | undefined) {
  const [vocabulary, provider, therapist] = await Promise.all([
    session.call(ComposerVocabularyDocument, {}),
    session.call(ComposerProviderDocument, {}),
    therapistId && /^[0-9a-f-]{36}$/i.test(therapistId)
      ? session.call(ComposerTherapistDocument, { id: therapistId }).then((r) => r.therapist)
      : Promise.resolve(null),
  ]);
  return { vocabulary, verification: provider.myProviderProfile.verification.status, therapist };
}
