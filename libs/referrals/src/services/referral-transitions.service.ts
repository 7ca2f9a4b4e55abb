import { Injectable } from '@nestjs/common';
import { BadUserInputError, InvalidStateError } from '@mmn/errors';
import type { Caller } from '@mmn/identity';
import { ReferenceDataService } from '@mmn/reference-data';
import { todayIso } from '@mmn/shared';
import type { CompleteReferralInput, RecordVisitInput, RenewReferralInput } from '../dto/referral.inputs';
import { Visit } from '../entities/visit.entity';
import type { ReferralView } from '../referrals.models';
import {
  EXPIRED_PRESCRIPTION_MESSAGE,
  renewalNote,
  renewalProblems,
  textProblems,
  visitDateProblems,
  visitRefusal,
} from '../rules/prescription-rules';
import { PHI_FIELD, PhiCipher } from '../phi/phi-cipher.service';
import { ReferralAction, ReferralStatus } from '../state-machine';
import { ReferralAccess } from './referral-access.service';
import { ReferralChanges } from './referral-changes.service';
import { recomputeCompletedReferrals, recomputeReferringProviders } from './reputation';

/** The care steps after creation: addressing, accept/decline, visits, notes, renewal, discharge, cancellation. */
@Injectable()
export class ReferralTransitions {
  constructor(
    private readonly access: ReferralAccess,
    private readonly changes: ReferralChanges,
    private readonly referenceData: ReferenceDataService,
    private readonly phi: PhiCipher,
  ) {}

  async chooseTherapist(caller: Caller, referralId: string, therapistId: string): Promise<ReferralView> {
    return this.access.change(caller, ReferralAction.CHOOSE_THERAPIST, referralId, async (manager, referral, actor) => {
      this.access.assertAllowed(referral, actor, ReferralAction.CHOOSE_THERAPIST);
      const problems = await this.access.therapistProblems(manager, therapistId, 'therapistId');
      if (problems.length > 0) throw new BadUserInputError(problems);
      return this.changes.transition(manager, referral, actor, ReferralAction.CHOOSE_THERAPIST, {
        eventType: 'SENT',
        set: { therapistId },
      });
    });
  }

  async accept(caller: Caller, referralId: string): Promise<ReferralView> {
    return this.access.change(caller, ReferralAction.ACCEPT, referralId, async (manager, referral, actor) => {
      await this.access.assertNotSuspended(manager, actor, referral);
      const updated = await this.changes.transition(manager, referral, actor, ReferralAction.ACCEPT, {
        eventType: 'ACCEPTED',
      });
      await recomputeReferringProviders(manager, updated.therapistId!);
      return updated;
    });
  }

  async decline(caller: Caller, referralId: string, reason: string): Promise<ReferralView> {
    return this.access.change(caller, ReferralAction.DECLINE, referralId, async (manager, referral, actor) => {
      const problems = textProblems('reason', reason, 2000);
      if (problems.length > 0) throw new BadUserInputError(problems);
      // No longer addressed: the decliner keeps only what they saw (see partyOf), and may be chosen again later.
      return this.changes.transition(manager, referral, actor, ReferralAction.DECLINE, {
        eventType: 'DECLINED',
        note: reason.trim(),
        set: { therapistId: null },
      });
    });
  }

  async recordVisit(caller: Caller, input: RecordVisitInput): Promise<Visit> {
    let visit: Visit | undefined;
    const action = ReferralAction.RECORD_VISIT;
    await this.access.change(caller, action, input.referralId, async (manager, referral, actor) => {
      await this.access.assertNotSuspended(manager, actor, referral);
      if (actor.party.actor === 'THERAPIST' && actor.party.declinedAtEventId === null) {
        const status = this.changes.statusFor(referral, actor);
        if (status === ReferralStatus.EXPIRED) throw new InvalidStateError(EXPIRED_PRESCRIPTION_MESSAGE);
        if (status === ReferralStatus.ACCEPTED || status === ReferralStatus.IN_PROGRESS) {
          const problems = visitDateProblems(input.occurredOn, referral.writtenOn, todayIso());
          const unknown = await this.referenceData.unknownIds('techniques', input.techniqueIds ?? []);
          if (unknown.length > 0)
            problems.push({ path: 'input.techniqueIds', message: `unknown technique(s): ${unknown.join(', ')}` });
          if (problems.length > 0) throw new BadUserInputError(problems);
          const refusal = visitRefusal(referral, input.occurredOn);
          if (refusal) throw new InvalidStateError(refusal);
        }
      }
      const updated = await this.changes.transition(manager, referral, actor, action, {
        eventType: 'VISIT_RECORDED',
        note: `Visit ${referral.visitsUsed + 1} of ${referral.visitsAuthorized} on ${input.occurredOn}, ${input.minutes} minutes`,
        set: { visitsUsed: () => '"visits_used" + 1' },
      });
      visit = manager.create(Visit, {
        referralId: referral.id,
        therapistId: referral.therapistId!,
        occurredOn: input.occurredOn,
        minutes: input.minutes,
        techniqueIds: input.techniqueIds ?? [],
        sealedSoapNote: this.phi.keyOf(referral).sealOrNull(PHI_FIELD.soapNote, input.soapNote),
      });
      await manager.save(visit);
      visit.soapNote = input.soapNote ?? null;
      return updated;
    });
    return visit!;
  }

  async addProgressNote(caller: Caller, referralId: string, note: string): Promise<ReferralView> {
    const action = ReferralAction.ADD_PROGRESS_NOTE;
    return this.access.change(caller, action, referralId, async (manager, referral, actor) => {
      const problems = textProblems('note', note, 10000);
      if (problems.length > 0) throw new BadUserInputError(problems);
      return this.changes.transition(manager, referral, actor, action, {
        eventType: 'PROGRESS_NOTE',
        note: note.trim(),
      });
    });
  }

  async renew(caller: Caller, input: RenewReferralInput): Promise<ReferralView> {
    return this.access.change(caller, ReferralAction.RENEW, input.referralId, async (manager, referral, actor) => {
      this.access.assertAllowed(referral, actor, ReferralAction.RENEW);
      const problems = renewalProblems(referral, input, todayIso());
      if (problems.length > 0) throw new BadUserInputError(problems);
      const expiresOn = input.newExpiresOn ?? referral.expiresOn;
      return this.changes.transition(manager, referral, actor, ReferralAction.RENEW, {
        eventType: 'RENEWED',
        note: renewalNote(input, expiresOn),
        set: { visitsAuthorized: referral.visitsAuthorized + input.additionalVisits, expiresOn },
        prescriptionBefore: { visitsAuthorized: referral.visitsAuthorized, expiresOn: referral.expiresOn },
      });
    });
  }

  async complete(caller: Caller, input: CompleteReferralInput): Promise<ReferralView> {
    return this.access.change(caller, ReferralAction.COMPLETE, input.referralId, async (manager, referral, actor) => {
      const updated = await this.changes.transition(manager, referral, actor, ReferralAction.COMPLETE, {
        eventType: 'COMPLETED',
        note: input.reachedMaximumMedicalImprovement ? 'Discharged at maximum medical improvement' : 'Discharged',
        set: {
          dischargeSummary: this.phi.keyOf(referral).seal(PHI_FIELD.dischargeSummary, input.dischargeSummary),
          reachedMaximumMedicalImprovement: input.reachedMaximumMedicalImprovement,
        },
      });
      await recomputeCompletedReferrals(manager, updated.therapistId!);
      return updated;
    });
  }

  async cancel(caller: Caller, referralId: string, reason: string): Promise<ReferralView> {
    return this.access.change(caller, ReferralAction.CANCEL, referralId, async (manager, referral, actor) => {
      this.access.assertAllowed(referral, actor, ReferralAction.CANCEL);
      const problems = textProblems('reason', reason, 2000);
      if (problems.length > 0) throw new BadUserInputError(problems);
      return this.changes.transition(manager, referral, actor, ReferralAction.CANCEL, {
        eventType: 'CANCELLED',
        note: reason.trim(),
      });
    });
  }
}
