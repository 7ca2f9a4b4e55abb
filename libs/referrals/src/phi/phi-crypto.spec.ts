import { keyEncryptionKey, newDataKey, openValue, sealValue, unwrapDataKey, wrapDataKey } from './phi-crypto';

const id = '3f1c8a52-4b7e-4d0e-9a3e-1a2b3c4d5e6f';
const other = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

describe('PHI envelope encryption', () => {
  const kek = keyEncryptionKey('k'.repeat(40));
  const dataKey = newDataKey();

  it('seals a value so that it opens again, and never stores it in clear', () => {
    const sealed = sealValue(dataKey, id, 'referrals.patient_full_name', 'Zelda Quibblesworth');
    expect(sealed.toString('utf8')).not.toContain('Zelda');
    expect(sealed.toString('hex')).not.toContain(Buffer.from('Zelda').toString('hex'));
    expect(openValue(dataKey, id, 'referrals.patient_full_name', sealed)).toBe('Zelda Quibblesworth');
  });

  it('uses a fresh IV every time (equal values do not look equal)', () => {
    const a = sealValue(dataKey, id, 'referrals.patient_date_of_birth', '1980-02-29');
    const b = sealValue(dataKey, id, 'referrals.patient_date_of_birth', '1980-02-29');
    expect(a.equals(b)).toBe(false);
  });

  it('refuses a value moved to another referral or column, altered, or opened with another key', () => {
    const sealed = sealValue(dataKey, id, 'referrals.patient_email', 'z@example.org');
    expect(() => openValue(dataKey, other, 'referrals.patient_email', sealed)).toThrow(/did not authenticate/);
    expect(() => openValue(dataKey, id, 'referrals.patient_phone', sealed)).toThrow(/did not authenticate/);
    const altered = Buffer.from(sealed);
    altered[altered.length - 1] ^= 1;
    expect(() => openValue(dataKey, id, 'referrals.patient_email', altered)).toThrow(/did not authenticate/);
    expect(() => openValue(newDataKey(), id, 'referrals.patient_email', sealed)).toThrow(/did not authenticate/);
    expect(() => openValue(dataKey, id, 'referrals.patient_email', Buffer.from('plain text'))).toThrow(/format/);
  });

  it('keeps values out of error messages', () => {
    const sealed = sealValue(dataKey, id, 'visits.soap_note', 'S: wrist pain 6/10');
    try {
      openValue(newDataKey(), id, 'visits.soap_note', sealed);
    } catch (error) {
      expect(String(error)).not.toMatch(/wrist|6\/10/);
    }
  });

  it('wraps a data key for one referral and one key version only', () => {
    const wrapped = wrapDataKey(dataKey, kek, id, 1);
    expect(unwrapDataKey(wrapped, kek, id, 1).equals(dataKey)).toBe(true);
    expect(() => unwrapDataKey(wrapped, kek, other, 1)).toThrow();
    expect(() => unwrapDataKey(wrapped, kek, id, 2)).toThrow();
    expect(() => unwrapDataKey(wrapped, keyEncryptionKey('x'.repeat(40)), id, 1)).toThrow();
  });

  it('derives a 256-bit key-encryption key per secret', () => {
    expect(keyEncryptionKey('k'.repeat(40))).toHaveLength(32);
    expect(keyEncryptionKey('k'.repeat(40)).equals(kek)).toBe(true);
    expect(keyEncryptionKey('j'.repeat(40)).equals(kek)).toBe(false);
  });
});
