import type { ComposerState } from './actions';
import { COMPOSER_FIELDS, listOf } from './composer-values';
import type { Vocabulary } from './composer-fields';

/** The review step: everything in words, carried in hidden fields to the send (or back to edit). */
export function ComposerReview({ state, vocabulary }: { state: ComposerState; vocabulary: Vocabulary }) {
  const v = state.values;
  const techniques = (v.techniqueIds ?? '')
    .split(',')
    .filter(Boolean)
    .map((id) => vocabulary.techniques.find((t) => t.id === id)?.name ?? id);
  const rows: [string, string][] = [
    ['Patient', `${v.patientName} (born ${v.patientDob})`],
    ['Contact', [v.patientEmail, v.patientPhone].filter(Boolean).join(', ') || 'None given'],
    ['Diagnoses', (state.diagnoses ?? []).map((d) => `${d.code} ${d.description}`).join('; ')],
    ['Body regions', listOf(v.bodyRegions ?? '').join(', ')],
    [
      'Visits',
      `${v.visitsAuthorized} visits of ${v.sessionMinutes} minutes, ${v.visitsPerWeek} a week for ${v.durationWeeks} weeks`,
    ],
    ['Goals', listOf(v.goals ?? '', /\n+/).join('; ')],
    ['Precautions', listOf(v.precautions ?? '', /\n+/).join('; ') || 'None'],
    ['Contraindications', listOf(v.contraindications ?? '', /\n+/).join('; ') || 'None'],
    ['Techniques requested', techniques.join(', ') || 'Therapist’s choice'],
    ['Notes', v.notes?.trim() || 'None'],
    ['Written on / expires on', `${v.writtenOn} / ${v.expiresOn}`],
    ['Therapist', v.therapistId ? (v.therapistName ?? '') : 'Open: the patient chooses'],
  ];
  return (
    <>
      {COMPOSER_FIELDS.map((field) => (
        <input key={field} type="hidden" name={field} value={v[field] ?? ''} />
      ))}
      <h2>Review the referral</h2>
      <dl className="review-list">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
