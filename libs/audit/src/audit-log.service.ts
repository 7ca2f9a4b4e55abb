import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditLogEntry, type AuditOutcome } from './audit-log-entry.entity';

export interface AuditEntry {
  actorId: string | null;
  actorRole: string;
  action: string;
  referralId: string | null;
  outcome: AuditOutcome;
  requestId: string;
}

/** Appends audit rows in the caller's transaction, so a row exists exactly when the change it records does. */
@Injectable()
export class AuditLog {
  async record(manager: EntityManager, entry: AuditEntry): Promise<void> {
    await manager.insert(AuditLogEntry, entry);
  }

  async recordMany(manager: EntityManager, entries: AuditEntry[]): Promise<void> {
    if (entries.length > 0) await manager.insert(AuditLogEntry, entries);
  }
}
