import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { Provider, TherapistsService } from '@mmn/directory';
import { ReferenceDataService } from '@mmn/reference-data';
import { Role, todayIso } from '@mmn/shared';
import { ReferralEvent } from '../entities/referral-event.entity';
import { Referral } from '../entities/referral.entity';
import { Visit } from '../entities/visit.entity';
import { PHI_FIELD, PhiCipher } from '../phi/phi-cipher.service';
import { ReferralEventView, type ReferralView } from '../referrals.models';
import { effectiveStatus, ReferralStatus } from '../state-machine';
import type { Party } from './referral-parties';

const EVENT_ROLE: Record<string, Role> = {
  PATIENT: Role.PATIENT,
  THERAPIST: Role.THERAPIST,
  PROVIDER: Role.PROVIDER,
  // The contract's Role has no SYSTEM: the expiry job acts for the network, shown as ADMIN.
  SYSTEM: Role.ADMIN,
};

/** Builds what each party may see of a page of referrals, with every related row batch-loaded (no N+1). */
@Injectable()
export class ReferralViews {
  constructor(
    private readonly therapists: TherapistsService,
    private readonly referenceData: ReferenceDataService,
    private readonly phi: PhiCipher,
  ) {}

  async one(manager: EntityManager, referral: Referral, party: Party): Promise<ReferralView> {
    return (await this.many(manager, [{ referral, party }]))[0];
  }

  async many(manager: EntityManager, items: { referral: Referral; party: Party }[]): Promise<ReferralView[]> {
    if (items.length === 0) return [];
    const ids = items.map((item) => item.referral.id);
    // Sequential: inside a transaction the manager holds one connection.
    const events = await manager.find(ReferralEvent, { where: { referralId: In(ids) }, order: { id: 'ASC' } });
    const visits = await manager.find(Visit, {
      where: { referralId: In(ids) },
      order: { occurredOn: 'ASC', createdAt: 'ASC' },
    });
    const providers = await manager.find(Provider, {
      where: { id: In([...new Set(items.map((i) => i.referral.providerId))]) },
      relations: { locations: true },
    });
    const therapists = await this.therapists.loadMany(
      items.flatMap((i) => (i.referral.therapistId ? [i.referral.therapistId] : [])),
      manager,
    );
    const diagnoses = await this.referenceData.diagnoses(
      [...new Set(items.flatMap((i) => i.referral.diagnosisCodes))],
      manager,
    );
    // Transfers: the continuation of each referral on the page, and the referral each continuation continues.
    const continuations = await manager.find(Referral, {
      where: { continuesId: In(ids) },
      select: { id: true, continuesId: true },
    });
    const continuesIds = [...new Set(items.flatMap((i) => (i.referral.continuesId ? [i.referral.continuesId] : [])))];
    const continued = continuesIds.length > 0 ? await manager.find(Referral, { where: { id: In(continuesIds) } }) : [];
    const today = todayIso();
    return items.map(({ referral, party }) => {
      const cutoff = party.declinedAtEventId === null ? null : BigInt(party.declinedAtEventId);
      const ownEvents = events.filter(
        (e) => e.referralId === referral.id && (cutoff === null || BigInt(e.id) <= cutoff),
      );
      const past = cutoff !== null;
      // A therapist who declined sees the prescription as it was then: undo the renewals since.
      const firstRenewalSince = past
        ? events.find(
            (e) =>
              e.referralId === referral.id && BigInt(e.id) > cutoff && e.type === 'RENEWED' && e.prescriptionBefore,
          )
        : undefined;
      // Opened here, for this party's view only; every value is bound to this referral (see PhiCipher).
      const key = this.phi.keyOf(referral);
      const terms = firstRenewalSince?.prescriptionBefore ?? {
        visitsAuthorized: referral.visitsAuthorized,
        expiresOn: referral.expiresOn,
      };
      return {
        id: referral.id,
        status: past ? ReferralStatus.DECLINED : effectiveStatus(referral.status, referral.expiresOn, today),
        provider: providers.find((p) => p.id === referral.providerId)!,
        therapist: !past && referral.therapistId ? (therapists.get(referral.therapistId) ?? null) : null,
        patient: {
          fullName: key.open(PHI_FIELD.fullName, referral.patientFullName),
          dateOfBirth: key.open(PHI_FIELD.dateOfBirth, referral.patientDateOfBirth),
          email: key.openOrNull(PHI_FIELD.email, referral.patientEmail),
          phone: key.openOrNull(PHI_FIELD.phone, referral.patientPhone),
        },
        prescription: {
          diagnoses: referral.diagnosisCodes.map((code) => diagnoses.find((d) => d.code === code)!).filter(Boolean),
          bodyRegions: referral.bodyRegions,
          visitsPerWeek: referral.visitsPerWeek,
          durationWeeks: referral.durationWeeks,
          visitsAuthorized: terms.visitsAuthorized,
          sessionMinutes: referral.sessionMinutes,
          goals: referral.goals,
          precautions: referral.precautions,
          contraindications: referral.contraindications,
          requestedTechniqueIds: referral.requestedTechniqueIds,
          notes: key.openOrNull(PHI_FIELD.prescriptionNotes, referral.prescriptionNotes),
          writtenOn: referral.writtenOn,
          expiresOn: terms.expiresOn,
        },
        visitsUsed: past ? 0 : referral.visitsUsed,
        visits: past
          ? []
          : visits
              .filter((v) => v.referralId === referral.id)
              .map((v) => Object.assign(v, { soapNote: key.openOrNull(PHI_FIELD.soapNote, v.sealedSoapNote) })),
        events: ownEvents.map((e) =>
          Object.assign(new ReferralEventView(), {
            at: e.at,
            actorRole: EVENT_ROLE[e.actorRole] ?? Role.ADMIN,
            type: e.type,
            fromStatus: e.fromStatus as ReferralStatus | null,
            toStatus: e.toStatus as ReferralStatus | null,
            note: key.openOrNull(PHI_FIELD.eventNote, e.note),
          }),
        ),
        dischargeSummary: past ? null : key.openOrNull(PHI_FIELD.dischargeSummary, referral.dischargeSummary),
        reachedMaximumMedicalImprovement: past ? null : referral.reachedMaximumMedicalImprovement,
        transferSummary: past ? null : this.transferSummaryFor(referral, party, continued),
        historyShared: referral.historyShared,
        soapNotesShared: referral.soapNotesShared,
        continuesId: referral.continuesId,
        continuedById: continuations.find((c) => c.continuesId === referral.id)?.id ?? null,
        viewer: party,
        createdAt: referral.createdAt,
        updatedAt: past ? (ownEvents.at(-1)?.at ?? referral.createdAt) : referral.updatedAt,
      };
    });
  }

  /**
   * The transfer summary as this party may read it: on the TRANSFERRED referral, its own; on a continuation, the
   * one it continues, for the patient and prescriber, and for its therapist only with the patient's consent.
   */
  private transferSummaryFor(referral: Referral, party: Party, continued: Referral[]): string | null {
    if (referral.transferSummary)
      return this.phi.keyOf(referral).open(PHI_FIELD.transferSummary, referral.transferSummary);
    const earlier = referral.continuesId ? continued.find((r) => r.id === referral.continuesId) : undefined;
    if (!earlier?.transferSummary) return null;
    if (party.actor === 'THERAPIST' && !referral.historyShared) return null;
    return this.phi.keyOf(earlier).open(PHI_FIELD.transferSummary, earlier.transferSummary);
  }
}
