const CODES =
  'am ar bn bg zh hr cs da nl en fa fi fr de el gu ht he hi hu id it ja km ko lo ms ml mr ne no pa pl pt ro ru sr so es sw sv tl ta te th tr uk ur vi yo'.split(
    ' ',
  );
const names = new Intl.DisplayNames(['en'], { type: 'language' });
const BY_NAME = new Map(CODES.map((code) => [(names.of(code) ?? code).toLowerCase(), code]));

/** "English, es, Haitian Creole" -> codes; what is neither a two-letter code nor a known name is returned apart. */
export function parseLanguages(value: string): { codes: string[]; unknown: string[] } {
  const codes: string[] = [];
  const unknown: string[] = [];
  for (const raw of value.split(/[,;\n]/)) {
    const token = raw.trim().toLowerCase();
    if (!token) continue;
    const code = /^[a-z]{2}$/.test(token) ? token : BY_NAME.get(token);
    if (code) {
      if (!codes.includes(code)) codes.push(code);
    } else unknown.push(raw.trim());
  }
  return { codes, unknown };
}

/** Codes -> "English, Spanish" for the form. */
export function languagesText(codes: readonly string[]): string {
  return codes.map((code) => names.of(code) ?? code).join(', ');
}
