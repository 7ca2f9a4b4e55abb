import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@mmn/audit';
import { DirectoryModule } from '@mmn/directory';
import { ReferenceDataModule } from '@mmn/reference-data';
import { AccessReportResolver } from './access-report/access-report.resolver';
import { ReferralAccessReport } from './access-report/referral-access-report.service';
import { ClaimFailure } from './entities/claim-failure.entity';
import { NotificationOutbox } from './entities/notification-outbox.entity';
import { ReferralEvent } from './entities/referral-event.entity';
import { Referral } from './entities/referral.entity';
import { Visit } from './entities/visit.entity';
import { NotificationWorker } from './notifications/notification.worker';
import { CredentialReminder } from './notifications/credential-reminder.entity';
import { CredentialReminderJob } from './notifications/credential-reminder.job';
import { PhiCipher } from './phi/phi-cipher.service';
import { PhiKeyRotation } from './phi/phi-key-rotation.service';
import { ReferralsResolver } from './resolvers/referrals.resolver';
import { RetentionJob } from './retention/retention.job';
import { ReferralChanges } from './services/referral-changes.service';
import { ReferralExpiryJob } from './services/referral-expiry.job';
import { ReferralList } from './services/referral-list.service';
import { ReferralViews } from './services/referral-views.service';
import { Endorsements } from './services/endorsements.service';
import { ReferralTransfers } from './transfers/referral-transfers.service';
import { ReferralTransfersResolver } from './transfers/referral-transfers.resolver';
import { PrescriberReputationListener } from './services/prescriber-reputation.listener';
import { ReferralAccess } from './services/referral-access.service';
import { ReferralClaims } from './services/referral-claims.service';
import { ReferralCreation } from './services/referral-creation.service';
import { ReferralTransitions } from './services/referral-transitions.service';

export const REFERRAL_ENTITIES = [CredentialReminder, Referral, ReferralEvent, Visit, ClaimFailure, NotificationOutbox];

@Module({
  imports: [TypeOrmModule.forFeature(REFERRAL_ENTITIES), AuditModule, DirectoryModule, ReferenceDataModule],
  providers: [
    PhiCipher,
    PhiKeyRotation,
    ReferralAccess,
    ReferralCreation,
    ReferralClaims,
    ReferralTransitions,
    Endorsements,
    ReferralTransfers,
    ReferralTransfersResolver,
    PrescriberReputationListener,
    ReferralChanges,
    ReferralViews,
    ReferralList,
    ReferralExpiryJob,
    RetentionJob,
    NotificationWorker,
    CredentialReminderJob,
    ReferralsResolver,
    ReferralAccessReport,
    AccessReportResolver,
  ],
  exports: [
    PhiCipher,
    PhiKeyRotation,
    ReferralAccess,
    ReferralList,
    ReferralCreation,
    ReferralClaims,
    ReferralTransitions,
    Endorsements,
    ReferralExpiryJob,
    RetentionJob,
    NotificationWorker,
  ],
})
export class ReferralsModule {}
