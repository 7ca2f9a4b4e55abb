/**
 * The ICD-10-CM codes a code sits under, nearest first: "M54.50" -> ["M54.5", "M54"]. Category headers are
 * the code with trailing characters removed (a dot left at the end is dropped with them).
 */
export function icd10Ancestors(code: string): string[] {
  const ancestors: string[] = [];
  let current = code.trim().toUpperCase();
  while (current.length > 3) {
    current = current.slice(0, -1).replace(/\.$/, '');
    ancestors.push(current);
  }
  return ancestors;
}
