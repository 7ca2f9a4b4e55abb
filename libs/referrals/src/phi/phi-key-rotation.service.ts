import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { PHI_FIELD, PhiCipher } from './phi-cipher.service';
import type { RotationProgress } from './rotation-progress';

interface KeyRow {
  id: string;
  phi_key_version: number | null;
  phi_data_key: Buffer | null;
}

interface LegacyRow {
  patient_full_name: Buffer;
  patient_date_of_birth: Buffer;
  patient_email: Buffer | null;
  patient_phone: Buffer | null;
  prescription_notes: Buffer | null;
  discharge_summary: Buffer | null;
  request_hash: string;
}

export interface RotationOptions {
  batchSize?: number;
  /** Stop after this many batches (an interrupted run, in tests); the next run continues. */
  maxBatches?: number;
  onProgress?: (progress: RotationProgress) => void;
}

const text = (value: Buffer | null) => (value === null ? null : value.toString('utf8'));
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Brings every referral's data key under the current PHI_KEY version, while the API keeps serving: rows are taken
 * a batch at a time (FOR NO KEY UPDATE SKIP LOCKED, so parallel runs share the work and the API's own writes and
 * foreign keys are not blocked), re-wrapped and committed per batch. The state is in the rows themselves
 * (phi_key_version), so an interrupted run simply continues. Only the wrapped data keys change; sealed values,
 * the referral's version and updated_at do not. Rows from before encryption (phi_key_version NULL) are encrypted
 * the same way, and at start-up before anything is served (onModuleInit).
 */
@Injectable()
export class PhiKeyRotation implements OnModuleInit {
  private readonly logger = new Logger(PhiKeyRotation.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly phi: PhiCipher,
  ) {}

  /** No referral is served in clear-text storage: encrypt any left from before encryption, before serving. */
  async onModuleInit(): Promise<void> {
    if ((await this.remaining('legacy')) === 0) return;
    this.logger.log('Encrypting referrals stored before encryption at rest ...');
    const { rotated } = await this.run({}, 'legacy');
    this.logger.log(`Encrypted ${rotated} referrals`);
  }

  /** Referrals not yet under the current version ('all'), or not encrypted at all ('legacy'). */
  async remaining(scope: 'all' | 'legacy' = 'all'): Promise<number> {
    const [{ count }] = await this.dataSource.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM "referrals" WHERE ${this.pendingWhere(scope)}`,
      scope === 'all' ? [this.phi.currentVersion] : [],
    );
    return count;
  }

  async run(
    options: RotationOptions = {},
    scope: 'all' | 'legacy' = 'all',
  ): Promise<{ rotated: number; remaining: number }> {
    const started = Date.now();
    const total = await this.remaining(scope);
    let rotated = 0;
    for (let batches = 0; options.maxBatches === undefined || batches < options.maxBatches; batches++) {
      const done = await this.rotateBatch(options.batchSize ?? 200, scope);
      rotated += done;
      if (done === 0) {
        // Nothing left, or only rows another run holds right now: wait for those before reporting done.
        if ((await this.remaining(scope)) === 0) break;
        await pause(100);
        continue;
      }
      options.onProgress?.({ done: rotated, total: Math.max(total, rotated), elapsedMs: Date.now() - started });
    }
    return { rotated, remaining: await this.remaining(scope) };
  }

  /** One batch in one transaction; returns how many referrals it moved to the current version. */
  async rotateBatch(size: number, scope: 'all' | 'legacy' = 'all'): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const params: unknown[] = scope === 'all' ? [this.phi.currentVersion] : [];
      const rows = await manager.query<KeyRow[]>(
        `SELECT "id", "phi_key_version", "phi_data_key" FROM "referrals" WHERE ${this.pendingWhere(scope)}
         ORDER BY "id" LIMIT ${Number(size)} FOR NO KEY UPDATE SKIP LOCKED`,
        params,
      );
      for (const row of rows) {
        if (row.phi_key_version === null) {
          await this.encryptLegacy(manager, row.id);
        } else {
          const wrapped = this.phi.rewrap({
            id: row.id,
            phiKeyVersion: row.phi_key_version,
            phiDataKey: row.phi_data_key,
          });
          await manager.query(`UPDATE "referrals" SET "phi_key_version" = $2, "phi_data_key" = $3 WHERE "id" = $1`, [
            row.id,
            wrapped.phiKeyVersion,
            wrapped.phiDataKey,
          ]);
        }
      }
      return rows.length;
    });
  }

  private pendingWhere(scope: 'all' | 'legacy'): string {
    return scope === 'all' ? '("phi_key_version" IS NULL OR "phi_key_version" < $1)' : '"phi_key_version" IS NULL';
  }

  /** A referral from before encryption (locked by the caller): a data key, and every value of it sealed. */
  private async encryptLegacy(manager: EntityManager, id: string): Promise<void> {
    const [row] = await manager.query<LegacyRow[]>(`SELECT * FROM "referrals" WHERE "id" = $1`, [id]);
    const { key, columns } = this.phi.newKey(id);
    await manager.query(
      `UPDATE "referrals" SET "phi_key_version" = $2, "phi_data_key" = $3, "patient_full_name" = $4,
         "patient_date_of_birth" = $5, "patient_email" = $6, "patient_phone" = $7, "prescription_notes" = $8,
         "discharge_summary" = $9, "request_hash" = $10 WHERE "id" = $1`,
      [
        id,
        columns.phiKeyVersion,
        columns.phiDataKey,
        key.seal(PHI_FIELD.fullName, row.patient_full_name.toString('utf8')),
        key.seal(PHI_FIELD.dateOfBirth, row.patient_date_of_birth.toString('utf8')),
        key.sealOrNull(PHI_FIELD.email, text(row.patient_email)),
        key.sealOrNull(PHI_FIELD.phone, text(row.patient_phone)),
        key.sealOrNull(PHI_FIELD.prescriptionNotes, text(row.prescription_notes)),
        key.sealOrNull(PHI_FIELD.dischargeSummary, text(row.discharge_summary)),
        // The request hash was a plain sha256 of the input, patient data included: now keyed like new ones.
        key.digest('request', row.request_hash),
      ],
    );
    const visits = await manager.query<{ id: string; soap_note: Buffer }[]>(
      `SELECT "id", "soap_note" FROM "visits" WHERE "referral_id" = $1 AND "soap_note" IS NOT NULL`,
      [id],
    );
    for (const visit of visits) {
      await manager.query(`UPDATE "visits" SET "soap_note" = $2 WHERE "id" = $1`, [
        visit.id,
        key.seal(PHI_FIELD.soapNote, visit.soap_note.toString('utf8')),
      ]);
    }
    const events = await manager.query<{ id: string; note: Buffer }[]>(
      `SELECT "id", "note" FROM "referral_events" WHERE "referral_id" = $1 AND "note" IS NOT NULL`,
      [id],
    );
    for (const event of events) {
      await manager.query(`UPDATE "referral_events" SET "note" = $2 WHERE "id" = $1`, [
        event.id,
        key.seal(PHI_FIELD.eventNote, event.note.toString('utf8')),
      ]);
    }
  }
}
