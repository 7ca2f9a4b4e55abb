import type { EntityManager } from 'typeorm';
import { ProfileChange } from '../entities/profile-change.entity';

export interface ChangeSubject {
  actorId: string;
  /** The therapist whose public profile the change belongs to, or the provider's id. */
  therapistId?: string;
  providerId?: string;
  entity: string;
  entityId: string;
}

/** How a value is written into the history: arrays comma-joined, dates as ISO, null stays null. */
export function historyValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((item) => String(item)).join(',');
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return value.toString();
  return JSON.stringify(value);
}

/**
 * Appends one history row per field whose value differs between `before` and `after` (null before = created,
 * null after = removed). Call inside the transaction that makes the change. Returns how many fields changed.
 */
export async function recordChanges(
  manager: EntityManager,
  subject: ChangeSubject,
  before: object | null,
  after: object | null,
  fields: readonly string[],
): Promise<number> {
  const rows: Partial<ProfileChange>[] = [];
  for (const field of fields) {
    const oldValue = before === null ? null : historyValue((before as Record<string, unknown>)[field]);
    const newValue = after === null ? null : historyValue((after as Record<string, unknown>)[field]);
    if (oldValue === newValue) continue;
    rows.push({
      actorId: subject.actorId,
      therapistId: subject.therapistId ?? null,
      providerId: subject.providerId ?? null,
      entity: subject.entity,
      entityId: subject.entityId,
      field,
      oldValue,
      newValue,
    });
  }
  if (rows.length > 0) await manager.insert(ProfileChange, rows);
  return rows.length;
}
