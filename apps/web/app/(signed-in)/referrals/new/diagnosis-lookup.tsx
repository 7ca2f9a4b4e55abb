'use client';

import { useEffect, useId, useState } from 'react';
import { lookUpDiagnoses } from './actions';

/**
 * ICD-10-CM look-up as you type, with JavaScript: matches by code or words, each with a button that adds its code
 * to the codes field. Without JavaScript it is not shown and the codes field is checked on submit.
 */
export function DiagnosisLookup({ codesInputId }: { codesInputId: string }) {
  const [mounted, setMounted] = useState(false);
  const [text, setText] = useState('');
  const [matches, setMatches] = useState<{ code: string; description: string }[]>([]);
  const [announcement, setAnnouncement] = useState('');
  const id = useId();
  useEffect(() => setMounted(true), []);
  useEffect(() => {
    if (text.trim().length < 2) {
      setMatches([]);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      void lookUpDiagnoses(text).then((found) => {
        if (!current) return;
        setMatches(found);
        setAnnouncement(`${found.length} matching diagnos${found.length === 1 ? 'is' : 'es'}`);
      });
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text]);
  if (!mounted) return null;
  const add = (code: string) => {
    const input = document.getElementById(codesInputId) as HTMLInputElement | null;
    if (!input) return;
    const codes = input.value.split(/[\s,;]+/).filter(Boolean);
    if (!codes.includes(code)) input.value = [...codes, code].join(', ');
    setAnnouncement(`Added ${code}`);
  };
  return (
    <div className="usa-form-group diagnosis-lookup">
      <label className="usa-label" htmlFor={`${id}-text`}>
        Look up a diagnosis by code or words
      </label>
      <div className="usa-hint" id={`${id}-hint`}>
        For example “carpal tunnel” or “M54”. Add each match you need to the codes above.
      </div>
      <input
        className="usa-input"
        id={`${id}-text`}
        type="text"
        autoComplete="off"
        value={text}
        onChange={(event) => setText(event.target.value)}
        aria-describedby={`${id}-hint`}
      />
      <div className="usa-sr-only" role="status" aria-live="polite">
        {announcement}
      </div>
      {matches.length > 0 ? (
        <ul className="usa-list usa-list--unstyled margin-top-1" aria-label="Matching diagnoses">
          {matches.map((match) => (
            <li key={match.code} className="margin-bottom-05">
              <button type="button" className="usa-button usa-button--unstyled" onClick={() => add(match.code)}>
                Add {match.code}
              </button>{' '}
              {match.description}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
