import { createHmac, timingSafeEqual } from 'crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type ResolvedConfig } from '@mmn/config';
import {
  keyEncryptionKey,
  newDataKey,
  openValue,
  PhiCryptoError,
  sealValue,
  unwrapDataKey,
  wrapDataKey,
} from './phi-crypto';

/** Where each sealed value is stored; part of its additional data, so values cannot change places. */
export const PHI_FIELD = {
  fullName: 'referrals.patient_full_name',
  dateOfBirth: 'referrals.patient_date_of_birth',
  email: 'referrals.patient_email',
  phone: 'referrals.patient_phone',
  prescriptionNotes: 'referrals.prescription_notes',
  dischargeSummary: 'referrals.discharge_summary',
  soapNote: 'visits.soap_note',
  eventNote: 'referral_events.note',
  transferSummary: 'referrals.transfer_summary',
} as const;
export type PhiField = (typeof PHI_FIELD)[keyof typeof PHI_FIELD];

/** The columns of a referral that hold its wrapped data key. */
export interface PhiKeyColumns {
  id: string;
  phiKeyVersion: number | null;
  phiDataKey: Buffer | null;
}

/** One referral's data key, unwrapped: seals and opens that referral's values (its visits and events too). */
export class RecordKey {
  constructor(
    readonly recordId: string,
    private readonly dataKey: Buffer,
  ) {}

  seal(field: PhiField, value: string): Buffer {
    return sealValue(this.dataKey, this.recordId, field, value);
  }

  sealOrNull(field: PhiField, value: string | null | undefined): Buffer | null {
    return value === null || value === undefined ? null : this.seal(field, value);
  }

  open(field: PhiField, sealed: Buffer): string {
    return openValue(this.dataKey, this.recordId, field, sealed);
  }

  openOrNull(field: PhiField, sealed: Buffer | null): string | null {
    return sealed === null ? null : this.open(field, sealed);
  }

  /** A keyed digest (HMAC-SHA256 under the data key): comparable, but no dictionary attack without the key. */
  digest(label: string, value: string): string {
    return createHmac('sha256', this.dataKey).update(`${label}\0${value}`).digest('hex');
  }

  /** Whether `value` is the sealed one, compared in constant time. */
  matches(field: PhiField, sealed: Buffer, value: string): boolean {
    const a = Buffer.from(this.open(field, sealed), 'utf8');
    const b = Buffer.from(value, 'utf8');
    return a.length === b.length && timingSafeEqual(a, b);
  }
}

/** PHI_KEY in use: new data keys are wrapped by its current version, every listed version still unwraps. */
@Injectable()
export class PhiCipher {
  private readonly keks = new Map<number, Buffer>();

  constructor(@Inject(APP_CONFIG) private readonly config: ResolvedConfig) {}

  get currentVersion(): number {
    return this.config.phiKeys.current;
  }

  /** A fresh data key for a new referral, and the columns that store it wrapped. */
  newKey(recordId: string): { key: RecordKey; columns: PhiKeyColumns & { phiKeyVersion: number; phiDataKey: Buffer } } {
    const dataKey = newDataKey();
    const version = this.currentVersion;
    return {
      key: new RecordKey(recordId, dataKey),
      columns: {
        id: recordId,
        phiKeyVersion: version,
        phiDataKey: wrapDataKey(dataKey, this.kek(version), recordId, version),
      },
    };
  }

  keyOf(record: PhiKeyColumns): RecordKey {
    if (record.phiKeyVersion === null || record.phiDataKey === null) {
      throw new PhiCryptoError('a referral has no data key yet (PhiBackfill has not encrypted it)');
    }
    const kek = this.kek(record.phiKeyVersion);
    return new RecordKey(record.id, unwrapDataKey(record.phiDataKey, kek, record.id, record.phiKeyVersion));
  }

  /** The same data key wrapped by another (by default the current) version: what rotation stores. */
  rewrap(record: PhiKeyColumns, toVersion = this.currentVersion): { phiKeyVersion: number; phiDataKey: Buffer } {
    if (record.phiKeyVersion === null || record.phiDataKey === null) {
      throw new PhiCryptoError('a referral has no data key to re-wrap');
    }
    const dataKey = unwrapDataKey(record.phiDataKey, this.kek(record.phiKeyVersion), record.id, record.phiKeyVersion);
    return { phiKeyVersion: toVersion, phiDataKey: wrapDataKey(dataKey, this.kek(toVersion), record.id, toVersion) };
  }

  private kek(version: number): Buffer {
    let kek = this.keks.get(version);
    if (!kek) {
      const secret = this.config.phiKeys.keys[version];
      if (secret === undefined) {
        throw new PhiCryptoError(
          `PHI_KEY version ${version} is not configured; keep it listed until npm run keys:rotate has re-wrapped every record`,
        );
      }
      kek = keyEncryptionKey(secret);
      this.keks.set(version, kek);
    }
    return kek;
  }
}
