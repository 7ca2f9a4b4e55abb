/** What the prescriber's look-up searches: the bundled ICD-10-CM codes and the conditions' patient words. */
export interface SearchableDiagnosis {
  code: string;
  description: string;
  billable: boolean;
}

export interface ConditionTerms {
  name: string;
  synonyms: readonly string[];
  icd10Codes: readonly string[];
}

const words = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

const compactCode = (code: string) => code.toUpperCase().replace(/[^A-Z0-9]/g, '');

/** Every query word is the start of some word of the text ("carp tun" matches "Carpal tunnel syndrome"). */
function matchesAllWords(query: string[], text: string): boolean {
  const candidates = words(text);
  return query.every((q) => candidates.some((word) => word.startsWith(q)));
}

/**
 * Diagnoses for a code prefix ("G56", "g56.0") or words ("carpal", "frozen shoulder"), best first: code matches
 * (shortest code first), then codes whose description has every word, then codes of conditions whose name or
 * patient words have every word. Billable codes come before category headers within each group.
 */
export function searchDiagnoses<T extends SearchableDiagnosis>(
  diagnoses: readonly T[],
  conditions: readonly ConditionTerms[],
  text: string,
  first: number,
): T[] {
  const query = words(text);
  if (query.length === 0) return [];
  const byBillableThenCode = (a: T, b: T) => Number(b.billable) - Number(a.billable) || a.code.localeCompare(b.code);
  const groups: T[][] = [];
  const prefix = compactCode(text);
  if (/^[A-Z][0-9]/.test(prefix)) {
    groups.push(
      diagnoses
        .filter((d) => compactCode(d.code).startsWith(prefix))
        .sort((a, b) => a.code.length - b.code.length || byBillableThenCode(a, b)),
    );
  }
  groups.push(diagnoses.filter((d) => matchesAllWords(query, d.description)).sort(byBillableThenCode));
  const conditionCodes = conditions
    .filter((c) => [c.name, ...c.synonyms].some((term) => matchesAllWords(query, term)))
    .flatMap((c) => c.icd10Codes.map(compactCode));
  groups.push(
    diagnoses
      .filter((d) => conditionCodes.some((code) => compactCode(d.code).startsWith(code)))
      .sort(byBillableThenCode),
  );
  const seen = new Set<string>();
  const result: T[] = [];
  for (const diagnosis of groups.flat()) {
    if (seen.has(diagnosis.code)) continue;
    seen.add(diagnosis.code);
    result.push(diagnosis);
    if (result.length === first) break;
  }
  return result;
}
