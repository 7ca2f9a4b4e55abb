// Referrals with prescriptions: the state machine, the access rule, visits, claim codes, notifications,
// the expiry job and the reputation counters they feed.
export * from './access-report/access-report';
export * from './access-report/referral-access-report.service';
export * from './entities/claim-failure.entity';
export * from './entities/notification-outbox.entity';
export * from './entities/referral-event.entity';
export * from './entities/referral.entity';
export * from './entities/visit.entity';
export * from './notifications/notification.worker';
export * from './notifications/credential-reminder.job';
export * from './notifications/referral-mail';
export * from './phi/phi-cipher.service';
export * from './phi/phi-key-rotation.service';
export * from './phi/rotation-progress';
export * from './referrals.models';
export * from './referrals.module';
export * from './retention/retention-rules';
export * from './retention/retention.job';
export * from './rules/access-code';
export * from './services/referral-expiry.job';
export * from './services/endorsements.service';
export * from './services/referral-access.service';
export * from './services/referral-claims.service';
export { ReferralList } from './services/referral-list.service';
export * from './services/referral-creation.service';
export * from './services/referral-transitions.service';
export * from './state-machine';
