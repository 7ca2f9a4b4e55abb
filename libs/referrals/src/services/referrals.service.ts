import { randomUUID } from 'crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditLog, type AuditOutcome } from '@mmn/audit';
import { APP_CONFIG, type ResolvedConfig } from '@mmn/config';
import { isUniqueViolation } from '@mmn/database';
import { Endorsement, isTherapistVerified, loadTherapists, Provider, TherapistsService } from '@mmn/directory';
import {
  BadUserInputError,
  ConflictError,
  DomainError,
  ErrorCode,
  type FieldProblem,
  ForbiddenError,
  InvalidStateError,
  NotFoundError,
  RateLimitedError,
} from '@mmn/errors';
import type { Principal, RequestMetaValue } from '@mmn/identity';
import { ReferenceDataService } from '@mmn/reference-data';
import { isUuid, isValidNpi, todayIso } from '@mmn/shared';
import type {
  CompleteReferralInput,
  CreateReferralInput,
  RecordVisitInput,
  RenewReferralInput,
} from '../dto/referral.inputs';
import { ClaimFailure } from '../entities/claim-attempt.entity';
import { Referral } from '../entities/referral.entity';
import { Visit } from '../entities/visit.entity';
import type { CreatedReferral, ReferralView } from '../referrals.models';
import { canonicalHash, deriveAccessCode, formatAccessCode, hashAccessCode } from '../rules/access-code';
import { oneYearAfter } from '../rules/dates';
import { MAX_VISITS_AUTHORIZED, prescriptionDateProblems, visitRefusal } from '../rules/prescription-rules';
import { effectiveStatus, ReferralAction, ReferralStatus, refusalReason } from '../state-machine';
import { type Actor, ReferralChanges } from './referral-changes.service';
import { type Party, partyOf, profileIdOf } from './referral-parties';
import { ReferralViews } from './referral-views.service';
import { recomputeCompletedReferrals, recomputeEndorsementCount, recomputeReferringProviders } from './reputation';

/** Wrong-guess limits for claim codes, per rolling hour. */
export const CLAIM_LIMITS = { perReferral: 5, perAccount: 20 } as const;

export interface Caller {
  principal: Principal;
  meta: RequestMetaValue;
}

const textProblem = (path: string, value: string, max: number): FieldProblem[] =>
  value.trim().length === 0 || value.length > max ? [{ path, message: `must be 1 to ${max} characters` }] : [];

/**
 * The referral rules: who may do what, prescriptions, idempotent creation, claim codes, visits, renewals and
 * endorsements. Every operation is audited, allowed or not; changes go through ReferralChanges.
 */
@Injectable()
export class ReferralsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
    private readonly changes: ReferralChanges,
    private readonly views: ReferralViews,
    private readonly audit: AuditLog,
    private readonly referenceData: ReferenceDataService,
    private readonly therapists: TherapistsService,
  ) {}

  // ---------- reads ----------

  async read(caller: Caller, id: string): Promise<ReferralView> {
    return this.audited(caller, 'READ', id, async () => {
      const manager = this.dataSource.manager;
      const { referral, party } = await this.load(manager, caller, id);
      const view = await this.views.one(manager, referral, party);
      await this.allowed(manager, caller, 'READ', referral.id);
      return view;
    });
  }

  // ---------- creation and claiming ----------

  async create(caller: Caller, input: CreateReferralInput): Promise<CreatedReferral> {
    return this.audited(caller, 'CREATE', null, async () => {
      const provider = await this.dataSource.manager.findOne(Provider, { where: { userId: caller.principal.userId } });
      if (!provider) throw new NotFoundError('Provider profile');
      if (!provider.npi || !isValidNpi(provider.npi)) {
        throw new ForbiddenError('Add a valid NPI to your provider profile before sending referrals.');
      }
      const { idempotencyKey, ...request } = input;
      const requestHash = canonicalHash(request);
      // A retry returns the original result even if the therapist or the dates would no longer pass today.
      const existing = await this.dataSource.manager.findOne(Referral, {
        where: { providerId: provider.id, idempotencyKey },
      });
      if (existing) return this.replay(caller, existing, requestHash);
      await this.validateCreate(input);
      const id = randomUUID();
      const accessCode = deriveAccessCode(id, this.config.jwtSecret);
      try {
        return await this.dataSource.transaction(async (manager) => {
          const p = input.prescription;
          const referral = manager.create(Referral, {
            id,
            providerId: provider.id,
            therapistId: input.therapistId ?? null,
            status: input.therapistId ? ReferralStatus.SENT : ReferralStatus.OPEN,
            version: 1,
            idempotencyKey,
            requestHash,
            accessCodeHash: hashAccessCode(accessCode),
            claimedBy: null,
            patientFullName: input.patient.fullName,
            patientDateOfBirth: input.patient.dateOfBirth,
            patientEmail: input.patient.email ?? null,
            patientPhone: input.patient.phone ?? null,
            diagnosisCodes: [...new Set(p.diagnosisCodes)],
            bodyRegions: p.bodyRegions,
            visitsPerWeek: p.visitsPerWeek,
            durationWeeks: p.durationWeeks,
            visitsAuthorized: p.visitsAuthorized,
            sessionMinutes: p.sessionMinutes,
            goals: p.goals,
            precautions: p.precautions ?? [],
            contraindications: p.contraindications ?? [],
            requestedTechniqueIds: p.requestedTechniqueIds ?? [],
            prescriptionNotes: p.notes ?? null,
            prescriberNpi: provider.npi!,
            writtenOn: p.writtenOn,
            expiresOn: p.expiresOn,
            visitsUsed: 0,
          });
          await manager.insert(Referral, referral);
          const saved = await manager.findOneOrFail(Referral, { where: { id } });
          const actor = this.actor(caller, {
            actor: 'PROVIDER',
            userId: caller.principal.userId,
            declinedAtEventId: null,
          });
          await this.changes.record(manager, saved, actor, {
            action: 'CREATE',
            eventType: 'CREATED',
            fromStatus: null,
            toStatus: saved.status,
          });
          return {
            referral: await this.views.one(manager, saved, actor.party),
            accessCode: formatAccessCode(accessCode),
          };
        });
      } catch (error) {
        if (!isUniqueViolation(error, 'referrals_provider_idempotency_key')) throw error;
        const winner = await this.dataSource.manager.findOneOrFail(Referral, {
          where: { providerId: provider.id, idempotencyKey },
        });
        return this.replay(caller, winner, requestHash);
      }
    });
  }

  /** The same key again: the original result with the same code (derived, never stored), or CONFLICT. */
  private async replay(caller: Caller, referral: Referral, requestHash: string): Promise<CreatedReferral> {
    if (referral.requestHash !== requestHash) {
      throw new ConflictError('This idempotency key was already used for a different referral.');
    }
    const party: Party = { actor: 'PROVIDER', userId: caller.principal.userId, declinedAtEventId: null };
    const manager = this.dataSource.manager;
    await this.allowed(manager, caller, 'CREATE_REPLAY', referral.id);
    return {
      referral: await this.views.one(manager, referral, party),
      accessCode: formatAccessCode(deriveAccessCode(referral.id, this.config.jwtSecret)),
    };
  }

  private async validateCreate(input: CreateReferralInput): Promise<void> {
    const today = todayIso();
    const p = input.prescription;
    const problems: FieldProblem[] = [];
    const codes = [...new Set(p.diagnosisCodes)];
    const known = new Set((await this.referenceData.diagnoses(codes)).map((d) => d.code));
    const unknown = codes.filter((code) => !known.has(code));
    // Named by position: the codes themselves are the patient's diagnoses and stay out of error messages.
    for (const code of unknown) {
      problems.push({
        path: `input.prescription.diagnosisCodes.${p.diagnosisCodes.indexOf(code)}`,
        message: 'is not a known ICD-10-CM code',
      });
    }
    const unknownTechniques = await this.referenceData.unknownIds('techniques', p.requestedTechniqueIds ?? []);
    if (unknownTechniques.length > 0) {
      problems.push({
        path: 'input.prescription.requestedTechniqueIds',
        message: `unknown technique(s): ${unknownTechniques.join(', ')}`,
      });
    }
    problems.push(...prescriptionDateProblems(p, today));
    if (input.patient.dateOfBirth > today)
      problems.push({ path: 'input.patient.dateOfBirth', message: 'cannot be in the future' });
    if (input.therapistId !== undefined && input.therapistId !== null)
      problems.push(...(await this.therapistProblems(this.dataSource.manager, input.therapistId, 'input.therapistId')));
    if (problems.length > 0) throw new BadUserInputError(problems);
  }

  /** The addressed therapist must exist, not be suspended, and be verified. */
  private async therapistProblems(manager: EntityManager, therapistId: string, path: string): Promise<FieldProblem[]> {
    const [therapist] = await loadTherapists(manager, [therapistId]);
    if (!therapist || therapist.suspendedAt) return [{ path, message: 'no such therapist' }];
    if (
      !isTherapistVerified(
        therapist.licenses,
        therapist.locations.map((l) => l.state),
      )
    ) {
      return [{ path, message: 'the therapist is not verified' }];
    }
    return [];
  }

  async claim(caller: Caller, accessCode: string, dateOfBirth: string): Promise<ReferralView> {
    const userId = caller.principal.userId;
    const outcome = await this.audited(caller, 'CLAIM', null, () =>
      this.dataSource.transaction(async (manager) => {
        // One claim at a time per account, so parallel guesses cannot slip past the limit.
        await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`claim:${userId}`]);
        const [{ count: byAccount }] = await manager.query<{ count: number }[]>(
          `SELECT count(*)::int AS count FROM "claim_failures" WHERE "user_id" = $1 AND "at" > now() - interval '1 hour'`,
          [userId],
        );
        if (byAccount >= CLAIM_LIMITS.perAccount)
          throw new RateLimitedError('Too many wrong access codes; try again in an hour.', 3600);
        const referral = await manager.findOne(Referral, { where: { accessCodeHash: hashAccessCode(accessCode) } });
        if (referral) {
          // And one at a time per referral, so guesses from several accounts cannot slip past its limit either.
          await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`claim-referral:${referral.id}`]);
          const [{ count: byReferral }] = await manager.query<{ count: number }[]>(
            `SELECT count(*)::int AS count FROM "claim_failures" WHERE "referral_id" = $1 AND "at" > now() - interval '1 hour'`,
            [referral.id],
          );
          if (byReferral >= CLAIM_LIMITS.perReferral)
            throw new RateLimitedError('Too many wrong attempts on this code; try again in an hour.', 3600);
        }
        const matches =
          referral &&
          referral.patientDateOfBirth === dateOfBirth &&
          (referral.claimedBy === null || referral.claimedBy === userId);
        if (!referral || !matches) {
          // Kept (the transaction commits) so that the failure counts; the caller then gets NOT_FOUND.
          await manager.insert(ClaimFailure, { userId, referralId: referral?.id ?? null });
          await this.record(manager, caller, 'CLAIM', referral?.id ?? null, 'DENIED');
          return null;
        }
        const party: Party = { actor: 'PATIENT', userId, declinedAtEventId: null };
        const status = effectiveStatus(referral.status, referral.expiresOn, todayIso());
        if (referral.claimedBy === null && (status === ReferralStatus.CANCELLED || status === ReferralStatus.EXPIRED)) {
          throw new InvalidStateError('This referral was cancelled or has expired; ask your prescriber for a new one.');
        }
        if (referral.claimedBy === userId) {
          await this.allowed(manager, caller, 'READ', referral.id);
          return this.views.one(manager, referral, party);
        }
        const result = await manager
          .createQueryBuilder()
          .update(Referral)
          .set({ claimedBy: userId, version: () => '"version" + 1', updatedAt: () => 'now()' })
          .where('id = :id AND version = :version AND claimed_by IS NULL', {
            id: referral.id,
            version: referral.version,
          })
          .execute();
        if (result.affected !== 1) throw new ConflictError('The referral was changed by someone else; try again.');
        const claimed = await manager.findOneOrFail(Referral, { where: { id: referral.id } });
        await this.changes.record(manager, claimed, this.actor(caller, party), {
          action: 'CLAIM',
          eventType: 'CLAIMED',
          fromStatus: claimed.status,
          toStatus: claimed.status,
        });
        return this.views.one(manager, claimed, party);
      }),
    );
    if (!outcome) throw new NotFoundError('Referral');
    return outcome;
  }

  // ---------- transitions ----------

  async chooseTherapist(caller: Caller, referralId: string, therapistId: string): Promise<ReferralView> {
    return this.change(caller, ReferralAction.CHOOSE_THERAPIST, referralId, async (manager, referral, actor) => {
      this.assertAllowed(referral, actor, ReferralAction.CHOOSE_THERAPIST);
      const problems = await this.therapistProblems(manager, therapistId, 'therapistId');
      if (problems.length > 0) throw new BadUserInputError(problems);
      return this.changes.transition(manager, referral, actor, ReferralAction.CHOOSE_THERAPIST, {
        eventType: 'SENT',
        set: { therapistId },
      });
    });
  }

  async accept(caller: Caller, referralId: string): Promise<ReferralView> {
    return this.change(caller, ReferralAction.ACCEPT, referralId, async (manager, referral, actor) => {
      await this.assertNotSuspended(manager, actor, referral);
      const updated = await this.changes.transition(manager, referral, actor, ReferralAction.ACCEPT, {
        eventType: 'ACCEPTED',
      });
      await recomputeReferringProviders(manager, updated.therapistId!);
      return updated;
    });
  }

  async decline(caller: Caller, referralId: string, reason: string): Promise<ReferralView> {
    return this.change(caller, ReferralAction.DECLINE, referralId, async (manager, referral, actor) => {
      const problems = textProblem('reason', reason, 2000);
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
    await this.change(caller, ReferralAction.RECORD_VISIT, input.referralId, async (manager, referral, actor) => {
      await this.assertNotSuspended(manager, actor, referral);
      if (actor.party.actor === 'THERAPIST' && actor.party.declinedAtEventId === null) {
        const status = this.changes.statusFor(referral, actor);
        if (status === ReferralStatus.EXPIRED) {
          throw new InvalidStateError(
            'The prescription has expired; ask the prescriber for a renewal (an expired referral is closed, so it takes a new referral) before recording more visits.',
          );
        }
        if (status === ReferralStatus.ACCEPTED || status === ReferralStatus.IN_PROGRESS) {
          const problems: FieldProblem[] = [];
          if (input.occurredOn > todayIso())
            problems.push({ path: 'input.occurredOn', message: 'cannot be in the future' });
          if (input.occurredOn < referral.writtenOn)
            problems.push({ path: 'input.occurredOn', message: 'cannot be before the prescription was written' });
          const unknown = await this.referenceData.unknownIds('techniques', input.techniqueIds ?? []);
          if (unknown.length > 0)
            problems.push({ path: 'input.techniqueIds', message: `unknown technique(s): ${unknown.join(', ')}` });
          if (problems.length > 0) throw new BadUserInputError(problems);
          const refusal = visitRefusal(referral, input.occurredOn);
          if (refusal) throw new InvalidStateError(refusal);
        }
      }
      const updated = await this.changes.transition(manager, referral, actor, ReferralAction.RECORD_VISIT, {
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
        soapNote: input.soapNote ?? null,
      });
      await manager.save(visit);
      return updated;
    });
    return visit!;
  }

  async addProgressNote(caller: Caller, referralId: string, note: string): Promise<ReferralView> {
    return this.change(caller, ReferralAction.ADD_PROGRESS_NOTE, referralId, async (manager, referral, actor) => {
      const problems = textProblem('note', note, 10000);
      if (problems.length > 0) throw new BadUserInputError(problems);
      return this.changes.transition(manager, referral, actor, ReferralAction.ADD_PROGRESS_NOTE, {
        eventType: 'PROGRESS_NOTE',
        note: note.trim(),
      });
    });
  }

  async renew(caller: Caller, input: RenewReferralInput): Promise<ReferralView> {
    return this.change(caller, ReferralAction.RENEW, input.referralId, async (manager, referral, actor) => {
      this.assertAllowed(referral, actor, ReferralAction.RENEW);
      // A renewal is a new order written today: it may extend the expiry up to one year from today.
      const problems: FieldProblem[] = [];
      const latest = oneYearAfter(todayIso());
      if (input.newExpiresOn != null && input.newExpiresOn <= referral.expiresOn) {
        problems.push({ path: 'input.newExpiresOn', message: 'must be after the current expiry' });
      } else if (input.newExpiresOn != null && input.newExpiresOn > latest) {
        problems.push({ path: 'input.newExpiresOn', message: 'must be at most one year from today' });
      }
      if (referral.visitsAuthorized + input.additionalVisits > MAX_VISITS_AUTHORIZED) {
        problems.push({
          path: 'input.additionalVisits',
          message: `would authorize more than ${MAX_VISITS_AUTHORIZED} visits in all; write a new referral instead`,
        });
      }
      if (input.additionalVisits === 0 && input.newExpiresOn == null) {
        problems.push({ path: 'input.additionalVisits', message: 'add visits or give a new expiry date' });
      }
      if (problems.length > 0) throw new BadUserInputError(problems);
      const expiresOn = input.newExpiresOn ?? referral.expiresOn;
      const note = [
        input.additionalVisits > 0 ? `${input.additionalVisits} more visits` : null,
        input.newExpiresOn ? `expires on ${expiresOn}` : null,
      ]
        .filter(Boolean)
        .join(', ');
      return this.changes.transition(manager, referral, actor, ReferralAction.RENEW, {
        eventType: 'RENEWED',
        note: `Renewed: ${note}`,
        set: { visitsAuthorized: referral.visitsAuthorized + input.additionalVisits, expiresOn },
        prescriptionBefore: { visitsAuthorized: referral.visitsAuthorized, expiresOn: referral.expiresOn },
      });
    });
  }

  async complete(caller: Caller, input: CompleteReferralInput): Promise<ReferralView> {
    return this.change(caller, ReferralAction.COMPLETE, input.referralId, async (manager, referral, actor) => {
      const updated = await this.changes.transition(manager, referral, actor, ReferralAction.COMPLETE, {
        eventType: 'COMPLETED',
        note: input.reachedMaximumMedicalImprovement ? 'Discharged at maximum medical improvement' : 'Discharged',
        set: {
          dischargeSummary: input.dischargeSummary,
          reachedMaximumMedicalImprovement: input.reachedMaximumMedicalImprovement,
        },
      });
      await recomputeCompletedReferrals(manager, updated.therapistId!);
      return updated;
    });
  }

  async cancel(caller: Caller, referralId: string, reason: string): Promise<ReferralView> {
    return this.change(caller, ReferralAction.CANCEL, referralId, async (manager, referral, actor) => {
      this.assertAllowed(referral, actor, ReferralAction.CANCEL);
      const problems = textProblem('reason', reason, 2000);
      if (problems.length > 0) throw new BadUserInputError(problems);
      return this.changes.transition(manager, referral, actor, ReferralAction.CANCEL, {
        eventType: 'CANCELLED',
        note: reason.trim(),
      });
    });
  }

  // ---------- endorsements ----------

  async endorse(caller: Caller, therapistId: string, note: string | null | undefined): Promise<Endorsement> {
    return this.audited(caller, 'ENDORSE', null, () =>
      this.dataSource.transaction(async (manager) => {
        const providerId = await profileIdOf(manager, caller.principal);
        if (!providerId) throw new NotFoundError('Provider profile');
        const [therapist] = await loadTherapists(manager, [therapistId]);
        if (!therapist || therapist.suspendedAt) throw new NotFoundError('Therapist');
        if (note != null && note.length > 2000)
          throw BadUserInputError.field('note', 'must be at most 2000 characters');
        const completed = await manager.exists(Referral, {
          where: { providerId, therapistId, status: ReferralStatus.COMPLETED },
        });
        if (!completed)
          throw new ForbiddenError('You can endorse a therapist once a referral you sent them is completed.');
        let id: string;
        try {
          const inserted = await manager.insert(Endorsement, { therapistId, providerId, note: note?.trim() || null });
          id = (inserted.identifiers[0] as { id: string }).id;
        } catch (error) {
          if (isUniqueViolation(error, 'endorsements_therapist_provider_key'))
            throw new ConflictError('You have already endorsed this therapist.');
          throw error;
        }
        await recomputeEndorsementCount(manager, therapistId);
        await this.allowed(manager, caller, 'ENDORSE', null);
        return manager.findOneOrFail(Endorsement, { where: { id }, relations: { provider: { locations: true } } });
      }),
    );
  }

  // ---------- plumbing ----------

  /** Loads the referral and the caller's standing; NOT_FOUND for an unknown id and for a non-party alike. */
  async load(manager: EntityManager, caller: Caller, id: string): Promise<{ referral: Referral; party: Party }> {
    const referral = isUuid(id) ? await manager.findOne(Referral, { where: { id } }) : null;
    const party = referral && (await partyOf(manager, referral, caller.principal));
    if (!referral || !party) throw new NotFoundError('Referral');
    return { referral, party };
  }

  /** A transition in one transaction: load, check, change, and return the caller's view of the result. */
  private async change(
    caller: Caller,
    action: ReferralAction,
    referralId: string,
    work: (manager: EntityManager, referral: Referral, actor: Actor) => Promise<Referral>,
  ): Promise<ReferralView> {
    return this.audited(caller, action, referralId, () =>
      this.dataSource.transaction(async (manager) => {
        const { referral, party } = await this.load(manager, caller, referralId);
        const actor = this.actor(caller, party);
        const updated = await work(manager, referral, actor);
        return this.views.one(manager, updated, party);
      }),
    );
  }

  /** A suspended therapist keeps read access to their referrals but cannot take on or carry out care. */
  private async assertNotSuspended(manager: EntityManager, actor: Actor, referral: Referral): Promise<void> {
    if (actor.party.actor !== 'THERAPIST' || !referral.therapistId) return;
    const [row] = await manager.query<{ suspended: boolean }[]>(
      'SELECT suspended_at IS NOT NULL AS suspended FROM therapists WHERE id = $1',
      [referral.therapistId],
    );
    if (row?.suspended)
      throw new ForbiddenError(
        'Your profile is suspended; you cannot accept referrals or record visits until it is reinstated.',
      );
  }

  /** Fails early (before input checks) when the state or role cannot do this, with the state machine's reason. */
  private assertAllowed(referral: Referral, actor: Actor, action: ReferralAction): void {
    if (actor.party.declinedAtEventId !== null) return; // transition() answers with the decline message
    const from = this.changes.statusFor(referral, actor);
    const reason = refusalReason(from, action, actor.party.actor);
    if (reason) throw new InvalidStateError(reason);
  }

  private actor(caller: Caller, party: Party): Actor {
    return { party, auditRole: caller.principal.role, requestId: caller.meta.requestId };
  }

  private allowed(manager: EntityManager, caller: Caller, action: string, referralId: string | null): Promise<void> {
    return this.record(manager, caller, action, referralId, 'ALLOWED');
  }

  private record(
    manager: EntityManager,
    caller: Caller,
    action: string,
    referralId: string | null,
    outcome: AuditOutcome,
  ): Promise<void> {
    return this.audit.record(manager, {
      actorId: caller.principal.userId,
      actorRole: caller.principal.role,
      action,
      referralId: referralId !== null && isUuid(referralId) ? referralId : null,
      outcome,
      requestId: caller.meta.requestId,
    });
  }

  /** Runs an operation; a refusal or failure is audited after the rollback (DENIED when the referral is not visible to the caller). */
  async audited<T>(caller: Caller, action: string, referralId: string | null, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      const outcome: AuditOutcome = !(error instanceof DomainError)
        ? 'FAILED'
        : error.code === ErrorCode.NOT_FOUND
          ? 'DENIED'
          : 'REFUSED';
      // Best effort: the audit row must not replace the original error (e.g. when the database itself is down).
      await this.record(this.dataSource.manager, caller, action, referralId, outcome).catch(() => undefined);
      throw error;
    }
  }
}
