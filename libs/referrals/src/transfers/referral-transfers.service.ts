import { randomUUID } from 'crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditTrail } from '@mmn/audit';
import { APP_CONFIG, type ResolvedConfig } from '@mmn/config';
import { BadUserInputError, ForbiddenError, InvalidStateError } from '@mmn/errors';
import type { Caller } from '@mmn/identity';
import { Gazetteer } from '@mmn/reference-data';
import { Role } from '@mmn/shared';
import type { StartTransferInput } from '../dto/transfer.inputs';
import { Referral } from '../entities/referral.entity';
import { PHI_FIELD, PhiCipher } from '../phi/phi-cipher.service';
import { ReferralEventView, type ReferralView } from '../referrals.models';
import { ReferralEvent } from '../entities/referral-event.entity';
import { Visit } from '../entities/visit.entity';
import { partyOf } from '../services/referral-parties';
import { EarlierCare } from './earlier-care.model';
import { canonicalHash, deriveAccessCode, hashAccessCode } from '../rules/access-code';
import { textProblems } from '../rules/prescription-rules';
import { ReferralAction, ReferralStatus } from '../state-machine';
import { actorOf, ReferralAccess } from '../services/referral-access.service';
import { type Actor, ReferralChanges } from '../services/referral-changes.service';
import { ReferralViews } from '../services/referral-views.service';

/** How long after a transfer the old therapist may write its summary. */
export const TRANSFER_SUMMARY_DAYS = 30;

/**
 * Care that moves with the patient: an ACCEPTED or IN_PROGRESS referral ends TRANSFERRED and, in the same
 * transaction, a continuation starts OPEN with the same prescriber and prescription, the visits still authorized
 * and the same expiry, for the same patient to choose a therapist near the new city. Two transfers started at once
 * make one continuation (the transition is a conditional update, and continues_id is unique).
 */
@Injectable()
export class ReferralTransfers {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
    private readonly access: ReferralAccess,
    private readonly changes: ReferralChanges,
    private readonly views: ReferralViews,
    private readonly audit: AuditTrail,
    private readonly phi: PhiCipher,
  ) {}

  /** Returns the continuation to the patient and prescriber; the old therapist gets the TRANSFERRED referral. */
  async start(caller: Caller, input: StartTransferInput): Promise<ReferralView> {
    const place = Gazetteer.shared().resolvePlace(input.newCity);
    const problems = textProblems('input.reason', input.reason, 2000);
    if (!place)
      problems.push({
        path: 'input.newCity',
        message: `We could not find the place "${input.newCity}". Try "City, ST" or a 5-digit ZIP code.`,
      });
    if (problems.length > 0) throw new BadUserInputError(problems);
    return this.audit.audited(caller, ReferralAction.TRANSFER, input.referralId, () =>
      this.dataSource.transaction(async (manager) => {
        const { referral, party } = await this.access.load(manager, caller, input.referralId);
        const actor = actorOf(caller, party);
        this.access.assertAllowed(referral, actor, ReferralAction.TRANSFER);
        const transferred = await this.changes.transition(manager, referral, actor, ReferralAction.TRANSFER, {
          eventType: 'TRANSFERRED',
          note: `Care continues near ${place!.label}. ${input.reason}`,
        });
        const continuation = await this.createContinuation(manager, transferred, place!.label, actor);
        if (party.actor === 'THERAPIST') return this.views.one(manager, transferred, party);
        return this.views.one(manager, continuation, party);
      }),
    );
  }

  /** The old therapist's summary of the care so far, within 30 days of the transfer; shown on both referrals. */
  async submitSummary(caller: Caller, referralId: string, summary: string): Promise<ReferralView> {
    const problems = textProblems('summary', summary, 10000);
    if (problems.length > 0) throw new BadUserInputError(problems);
    return this.audit.audited(caller, 'SUBMIT_TRANSFER_SUMMARY', referralId, () =>
      this.dataSource.transaction(async (manager) => {
        const { referral, party } = await this.access.load(manager, caller, referralId);
        if (party.actor !== 'THERAPIST' || party.declinedAtEventId !== null)
          throw new InvalidStateError(
            'Only the therapist the care was transferred from can write the transfer summary.',
          );
        if (referral.status !== ReferralStatus.TRANSFERRED)
          throw new InvalidStateError('Only a TRANSFERRED referral has a transfer summary.');
        const [{ since }] = await manager.query<{ since: number }[]>(
          `SELECT extract(epoch FROM now() - max("at")) / 86400 AS since FROM "referral_events" WHERE "referral_id" = $1 AND "type" = 'TRANSFERRED'`,
          [referral.id],
        );
        if (since > TRANSFER_SUMMARY_DAYS)
          throw new InvalidStateError(
            `The transfer summary can be written within ${TRANSFER_SUMMARY_DAYS} days of the transfer.`,
          );
        const key = this.phi.keyOf(referral);
        await manager.update(
          Referral,
          { id: referral.id },
          { transferSummary: key.seal(PHI_FIELD.transferSummary, summary.trim()) },
        );
        const updated = await manager.findOneOrFail(Referral, { where: { id: referral.id } });
        await this.changes.record(manager, updated, actorOf(caller, party), {
          action: 'SUBMIT_TRANSFER_SUMMARY',
          eventType: 'TRANSFER_SUMMARY',
          fromStatus: updated.status,
          toStatus: updated.status,
        });
        return this.views.one(manager, updated, party);
      }),
    );
  }

  /** Only the patient decides whether the continuation's therapist sees the earlier care; withdrawable at any time. */
  async setHistorySharing(
    caller: Caller,
    referralId: string,
    shareHistory: boolean,
    shareSoapNotes: boolean,
  ): Promise<ReferralView> {
    return this.audit.audited(caller, 'SET_HISTORY_SHARING', referralId, () =>
      this.dataSource.transaction(async (manager) => {
        const { referral, party } = await this.access.load(manager, caller, referralId);
        if (party.actor !== 'PATIENT')
          throw new ForbiddenError('Only the patient decides who sees their earlier care.');
        if (!referral.continuesId) throw new InvalidStateError('This referral does not continue an earlier one.');
        const soap = shareHistory && shareSoapNotes;
        await manager.update(Referral, { id: referral.id }, { historyShared: shareHistory, soapNotesShared: soap });
        const updated = await manager.findOneOrFail(Referral, { where: { id: referral.id } });
        await this.changes.record(manager, updated, actorOf(caller, party), {
          action: 'SET_HISTORY_SHARING',
          eventType: 'HISTORY_SHARING',
          fromStatus: updated.status,
          toStatus: updated.status,
          note: shareHistory
            ? `The patient shares the earlier care with this referral's therapist${soap ? ', SOAP notes included' : ''}.`
            : "The patient does not share the earlier care with this referral's therapist.",
        });
        return this.views.one(manager, updated, party);
      }),
    );
  }

  private async createContinuation(
    manager: EntityManager,
    from: Referral,
    city: string,
    actor: Actor,
  ): Promise<Referral> {
    const id = randomUUID();
    const old = this.phi.keyOf(from);
    const { key, columns } = this.phi.newKey(id);
    const reseal = (field: (typeof PHI_FIELD)[keyof typeof PHI_FIELD], value: Buffer | null) =>
      key.sealOrNull(field, old.openOrNull(field, value));
    // The patient already claimed it; the code exists only because every referral has one (never shown).
    const version = this.config.accessCodeKeys.current;
    const accessCode = deriveAccessCode(id, this.config.accessCodeKeys.keys[version]);
    await manager.insert(Referral, {
      ...columns,
      id,
      providerId: from.providerId,
      therapistId: null,
      status: ReferralStatus.OPEN,
      version: 1,
      idempotencyKey: `transfer:${from.id}`,
      requestHash: key.digest('request', canonicalHash({ continues: from.id })),
      accessCodeHash: hashAccessCode(accessCode),
      accessCodeKeyVersion: version,
      claimedBy: from.claimedBy,
      patientFullName: key.seal(PHI_FIELD.fullName, old.open(PHI_FIELD.fullName, from.patientFullName)),
      patientDateOfBirth: key.seal(PHI_FIELD.dateOfBirth, old.open(PHI_FIELD.dateOfBirth, from.patientDateOfBirth)),
      patientEmail: reseal(PHI_FIELD.email, from.patientEmail),
      patientPhone: reseal(PHI_FIELD.phone, from.patientPhone),
      diagnosisCodes: from.diagnosisCodes,
      bodyRegions: from.bodyRegions,
      visitsPerWeek: from.visitsPerWeek,
      durationWeeks: from.durationWeeks,
      visitsAuthorized: Math.max(from.visitsAuthorized - from.visitsUsed, 0),
      sessionMinutes: from.sessionMinutes,
      goals: from.goals,
      precautions: from.precautions,
      contraindications: from.contraindications,
      requestedTechniqueIds: from.requestedTechniqueIds,
      prescriptionNotes: reseal(PHI_FIELD.prescriptionNotes, from.prescriptionNotes),
      prescriberNpi: from.prescriberNpi,
      writtenOn: from.writtenOn,
      expiresOn: from.expiresOn,
      visitsUsed: 0,
      continuesId: from.id,
    });
    const continuation = await manager.findOneOrFail(Referral, { where: { id } });
    await this.changes.record(manager, continuation, actor, {
      action: 'CREATE_CONTINUATION',
      eventType: 'CONTINUATION_CREATED',
      fromStatus: null,
      toStatus: ReferralStatus.OPEN,
      note: `Continues earlier care after a move; choose a therapist near ${city}.`,
      therapistId: null,
    });
    return continuation;
  }

  /** The linked referral (continues / continuedBy) as this caller sees it, or null when they are not its party. */
  async linked(caller: Caller, id: string | null): Promise<ReferralView | null> {
    if (!id) return null;
    const manager = this.dataSource.manager;
    const referral = await manager.findOne(Referral, { where: { id } });
    const party = referral && (await partyOf(manager, referral, caller.principal));
    if (!referral || !party) return null;
    await this.audit.allowed(manager, caller, 'READ', referral.id);
    return this.views.one(manager, referral, party);
  }

  /** The earlier care of a continuation for its parties; for its therapist only with the patient's consent. */
  async earlierCare(caller: Caller, continuation: ReferralView): Promise<EarlierCare | null> {
    if (!continuation.continuesId) return null;
    if (continuation.viewer.actor === 'THERAPIST' && !continuation.historyShared) return null;
    const manager = this.dataSource.manager;
    const earlier = await manager.findOneOrFail(Referral, { where: { id: continuation.continuesId } });
    const key = this.phi.keyOf(earlier);
    const visits = await manager.find(Visit, { where: { referralId: earlier.id }, order: { occurredOn: 'ASC' } });
    const notes = await manager.find(ReferralEvent, {
      where: { referralId: earlier.id, type: 'PROGRESS_NOTE' },
      order: { id: 'ASC' },
    });
    const soap = continuation.viewer.actor !== 'THERAPIST' || continuation.soapNotesShared;
    await this.audit.allowed(manager, caller, 'READ_EARLIER_CARE', earlier.id);
    return {
      transferSummary: key.openOrNull(PHI_FIELD.transferSummary, earlier.transferSummary),
      visits: visits.map((v) =>
        Object.assign(v, { soapNote: soap ? key.openOrNull(PHI_FIELD.soapNote, v.sealedSoapNote) : null }),
      ),
      progressNotes: notes.map((e) =>
        Object.assign(new ReferralEventView(), {
          at: e.at,
          actorRole: Role.THERAPIST,
          type: e.type,
          fromStatus: e.fromStatus as ReferralStatus | null,
          toStatus: e.toStatus as ReferralStatus | null,
          note: key.openOrNull(PHI_FIELD.eventNote, e.note),
        }),
      ),
    };
  }
}
