/** NFKC folds look-alike forms (full-width "ａｄｍｉｎ", ligatures) into their plain letters before comparing. */
export function normaliseEmail(email: string): string {
  return email.normalize('NFKC').trim().toLowerCase();
}

const SCRIPTS: [string, RegExp][] = [
  ['Latin', /\p{Script=Latin}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Greek', /\p{Script=Greek}/u],
  ['Armenian', /\p{Script=Armenian}/u],
  ['Georgian', /\p{Script=Georgian}/u],
  ['Hebrew', /\p{Script=Hebrew}/u],
  ['Arabic', /\p{Script=Arabic}/u],
  ['Devanagari', /\p{Script=Devanagari}/u],
  ['Thai', /\p{Script=Thai}/u],
  ['Hangul', /\p{Script=Hangul}/u],
  // Japanese mixes these three in one word.
  ['Han', /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u],
];

function scriptsOf(text: string): Set<string> {
  const found = new Set<string>();
  for (const char of text) {
    if (!/\p{L}/u.test(char)) continue;
    found.add(SCRIPTS.find(([, pattern]) => pattern.test(char))?.[0] ?? 'Other');
  }
  return found;
}

/**
 * Why an (already normalised) address is refused as a look-alike, or null: the local part, and each label of the
 * domain, must be written in one script, so "аdmin@…" with a Cyrillic "а" cannot pass for "admin@…".
 */
export function emailLookAlikeProblem(email: string): string | null {
  const at = email.lastIndexOf('@');
  const parts = [email.slice(0, at), ...email.slice(at + 1).split('.')];
  if (parts.some((part) => scriptsOf(part).size > 1)) {
    return 'mixes letters of different scripts (for example a Cyrillic "а" among Latin letters)';
  }
  return null;
}
