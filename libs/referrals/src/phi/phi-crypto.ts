import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'crypto';

/**
 * Envelope encryption of patient data, AES-256-GCM throughout. Every referral has its own random data key; the
 * key is stored wrapped (encrypted) by a key-encryption key derived from one version of PHI_KEY, and that version
 * is stored beside it. Values are sealed with the data key and bound to where they belong (the additional data
 * names the column and the referral), so a ciphertext copied to another row or column does not open.
 * Rotation re-wraps the data keys only; the sealed values never change.
 *
 * A sealed value: format byte (1) | 12-byte IV | 16-byte tag | ciphertext. Errors name no value and no key.
 */

const FORMAT = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const DATA_KEY_BYTES = 32;

export class PhiCryptoError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PhiCryptoError';
  }
}

/** The 256-bit key-encryption key of one PHI_KEY version (HKDF-SHA256 of its secret). */
export function keyEncryptionKey(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'mmn-phi', 'phi-key-encryption-key', 32));
}

export function newDataKey(): Buffer {
  return randomBytes(DATA_KEY_BYTES);
}

function encrypt(key: Buffer, plaintext: Buffer, aad: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([Buffer.from([FORMAT]), iv, cipher.getAuthTag(), body]);
}

function decrypt(key: Buffer, sealed: Buffer, aad: string, what: string): Buffer {
  if (sealed.length < 1 + IV_BYTES + TAG_BYTES || sealed[0] !== FORMAT) {
    throw new PhiCryptoError(`${what} is not in a known sealed format`);
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(1, 1 + IV_BYTES));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(sealed.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(sealed.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]);
  } catch {
    throw new PhiCryptoError(`${what} did not authenticate (wrong key, or the value was altered or moved)`);
  }
}

/** The additional data a wrapped data key is bound to: its referral and the PHI_KEY version that wraps it. */
const wrapContext = (recordId: string, version: number) => `phi-data-key:${recordId}:v${version}`;

export function wrapDataKey(dataKey: Buffer, kek: Buffer, recordId: string, version: number): Buffer {
  return encrypt(kek, dataKey, wrapContext(recordId, version));
}

export function unwrapDataKey(wrapped: Buffer, kek: Buffer, recordId: string, version: number): Buffer {
  const key = decrypt(kek, wrapped, wrapContext(recordId, version), 'a wrapped data key');
  if (key.length !== DATA_KEY_BYTES) throw new PhiCryptoError('a wrapped data key has the wrong length');
  return key;
}

/** Seals one value; `field` names the column it is stored in (e.g. "referrals.patient_full_name"). */
export function sealValue(dataKey: Buffer, recordId: string, field: string, value: string): Buffer {
  return encrypt(dataKey, Buffer.from(value, 'utf8'), `${field}:${recordId}`);
}

export function openValue(dataKey: Buffer, recordId: string, field: string, sealed: Buffer): string {
  return decrypt(dataKey, sealed, `${field}:${recordId}`, `a sealed ${field}`).toString('utf8');
}
