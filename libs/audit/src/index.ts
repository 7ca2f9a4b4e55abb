// The append-only audit log of who read or changed which referral (ids and action names only, never PHI).
export * from './audit-log-entry.entity';
export * from './audit-log.service';
export * from './audit-trail';
export * from './audit.module';
export * from './audit-log.models';
export * from './audit-log-query.service';
