import * as fs from 'fs';
import * as path from 'path';
import { hash, verify } from '@node-rs/argon2';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as zxcvbnCommon from '@zxcvbn-ts/language-common';
import * as zxcvbnEnglish from '@zxcvbn-ts/language-en';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;
/** zxcvbn's score 3: at least 10^8 guesses ("safely unguessable" against online attacks, with our throttles). */
export const PASSWORD_MIN_SCORE = 3;

/** OWASP's argon2id minimum (m=19 MiB, t=2, p=1). The algorithm is the library default, argon2id. */
export const ARGON2_PARAMETERS = { memoryCost: 19456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;

let commonPasswords: Set<string> | undefined;
let estimator: ZxcvbnFactory | undefined;

function common(): Set<string> {
  commonPasswords ??= new Set(
    fs
      .readFileSync(path.join(__dirname, 'common-passwords.txt'), 'utf8')
      .split('\n')
      .filter((line) => line !== '' && !line.startsWith('#')),
  );
  return commonPasswords;
}

/** zxcvbn with its common (passwords, names) and English dictionaries; built once, on first use. */
function strength(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...zxcvbnCommon.dictionary, ...zxcvbnEnglish.dictionary },
    graphs: zxcvbnCommon.adjacencyGraphs,
    translations: zxcvbnEnglish.translations,
  });
  return estimator;
}

/** What the account itself gives away: the email, its local part, and the words of the name. */
export function personalInputs(email: string, displayName: string): string[] {
  const address = email.trim().toLowerCase();
  const local = address.split('@')[0] ?? '';
  const words = [local, ...local.split(/[^\p{L}\p{N}]+/u), ...displayName.toLowerCase().split(/\s+/)];
  return [address, ...words].filter((word) => word.length >= 3);
}

/**
 * Why a password is refused, or null. Length counts Unicode code points, so a password is never judged (or
 * truncated) by its UTF-16 size. Then zxcvbn must rate it at least 3 of 4 with the account's own email and name
 * as known words, and so must its letters without the digits and symbols around them ("Summer2024!!" is
 * "Summer" with a year and two symbols).
 */
export function passwordProblem(password: string, userInputs: string[] = []): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return `must be at least ${PASSWORD_MIN_LENGTH} characters`;
  if (length > PASSWORD_MAX_LENGTH) return `must be at most ${PASSWORD_MAX_LENGTH} characters`;
  if (common().has(password.toLowerCase())) return 'is one of the most common breached passwords; choose another';
  const result = strength().check(password, userInputs);
  if (result.score < PASSWORD_MIN_SCORE) {
    const advice = [result.feedback.warning, ...result.feedback.suggestions]
      .filter(Boolean)
      .join(' ')
      .replace(/\.$/, '');
    return `is too easy to guess${advice ? `: ${advice}` : ''}`;
  }
  const core = password.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  if (core !== '' && core !== password && strength().check(core, userInputs).score < PASSWORD_MIN_SCORE) {
    return 'is too easy to guess: it is a common word or name with digits or symbols added; add more words that are less common';
  }
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize('NFC'), ARGON2_PARAMETERS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password.normalize('NFC'));
  } catch {
    return false;
  }
}
