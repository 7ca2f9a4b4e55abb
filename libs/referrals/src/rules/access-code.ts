import { createHash, createHmac } from 'crypto';

/** No 0/O, 1/I/L: codes are read aloud and typed by patients. 31 symbols, ~4.95 bits each. */
export const ACCESS_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const ACCESS_CODE_LENGTH = 12;

/**
 * The access code of a referral, derived with an HMAC from its id and a server secret. Deterministic, so an
 * idempotent replay of createReferral can show the same code again without the code ever being stored.
 * Rejection sampling keeps every symbol equally likely.
 */
export function deriveAccessCode(referralId: string, secret: string): string {
  const limit = 256 - (256 % ACCESS_CODE_ALPHABET.length);
  let code = '';
  for (let round = 0; code.length < ACCESS_CODE_LENGTH; round++) {
    const bytes = createHmac('sha256', secret).update(`referral-access-code:${round}:${referralId}`).digest();
    for (const byte of bytes) {
      if (byte >= limit) continue;
      code += ACCESS_CODE_ALPHABET[byte % ACCESS_CODE_ALPHABET.length];
      if (code.length === ACCESS_CODE_LENGTH) break;
    }
  }
  return code;
}

/** Upper-case, without spaces or dashes: "abcd-efgh 2345" and "ABCDEFGH2345" are the same code. */
export function normaliseAccessCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

export function hashAccessCode(code: string): string {
  return createHash('sha256').update(normaliseAccessCode(code)).digest('hex');
}

/** For display: groups of four, e.g. "ABCD-EFGH-2345". Normalising removes the dashes again. */
export function formatAccessCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}

/** A stable hash of a JSON value: object keys sorted, so field order never matters. */
export function canonicalHash(value: unknown): string {
  const canonical = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(canonical);
    if (v && typeof v === 'object') {
      return Object.fromEntries(
        Object.entries(v as Record<string, unknown>)
          .filter(([, item]) => item !== undefined && item !== null)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([k, item]) => [k, canonical(item)]),
      );
    }
    return v;
  };
  return createHash('sha256')
    .update(JSON.stringify(canonical(value)))
    .digest('hex');
}
