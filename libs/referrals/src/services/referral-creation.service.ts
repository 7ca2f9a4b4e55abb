import { randomUUID } from 'crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditTrail } from '@mmn/audit';
import { APP_CONFIG, type ResolvedConfig } from '@mmn/config';
import { isUniqueViolation } from '@mmn/database';
import { prescriberRefusal, Provider } from '@mmn/directory';
import { BadUserInputError, ConflictError, type FieldProblem, ForbiddenError, NotFoundError } from '@mmn/errors';
import type { Caller } from '@mmn/identity';
import { ReferenceDataService } from '@mmn/reference-data';
import { isValidNpi, todayIso } from '@mmn/shared';
import type { CreateReferralInput } from '../dto/referral.inputs';
import { Referral } from '../entities/referral.entity';
import type { CreatedReferral } from '../referrals.models';
import { canonicalHash, deriveAccessCode, formatAccessCode, hashAccessCode } from '../rules/access-code';
import { prescriptionDateProblems } from '../rules/prescription-rules';
import { PHI_FIELD, PhiCipher } from '../phi/phi-cipher.service';
import { ReferralStatus } from '../state-machine';
import { actorOf, ReferralAccess } from './referral-access.service';
import { ReferralChanges } from './referral-changes.service';
import type { Party } from './referral-parties';
import { ReferralViews } from './referral-views.service';

/** A prescriber sends a referral: validated, created once per idempotency key, with a derived claim code. */
@Injectable()
export class ReferralCreation {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
    private readonly access: ReferralAccess,
    private readonly changes: ReferralChanges,
    private readonly views: ReferralViews,
    private readonly audit: AuditTrail,
    private readonly referenceData: ReferenceDataService,
    private readonly phi: PhiCipher,
  ) {}

  async create(caller: Caller, input: CreateReferralInput): Promise<CreatedReferral> {
    return this.audit.audited(caller, 'CREATE', null, async () => {
      const provider = await this.dataSource.manager.findOne(Provider, { where: { userId: caller.principal.userId } });
      if (!provider) throw new NotFoundError('Provider profile');
      if (!provider.npi || !isValidNpi(provider.npi)) {
        throw new ForbiddenError('Add a valid NPI to your provider profile before sending referrals.');
      }
      const refusal = prescriberRefusal(provider.npiStatus, this.config.requireVerifiedPrescribers !== false);
      if (refusal) throw new ForbiddenError(refusal);
      const { idempotencyKey, ...request } = input;
      const requestHash = canonicalHash(request);
      // A retry returns the original result even if the therapist or the dates would no longer pass today.
      const existing = await this.dataSource.manager.findOne(Referral, {
        where: { providerId: provider.id, idempotencyKey },
      });
      if (existing) return this.replay(caller, existing, requestHash);
      await this.validate(input);
      const id = randomUUID();
      const accessCodeKeyVersion = this.config.accessCodeKeys.current;
      const accessCode = deriveAccessCode(id, this.accessCodeKey(accessCodeKeyVersion));
      // The referral's own data key seals its patient data; the request hash is keyed by it too (no dictionary).
      const { key, columns } = this.phi.newKey(id);
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
            requestHash: key.digest('request', requestHash),
            accessCodeHash: hashAccessCode(accessCode),
            accessCodeKeyVersion,
            claimedBy: null,
            phiKeyVersion: columns.phiKeyVersion,
            phiDataKey: columns.phiDataKey,
            patientFullName: key.seal(PHI_FIELD.fullName, input.patient.fullName),
            patientDateOfBirth: key.seal(PHI_FIELD.dateOfBirth, input.patient.dateOfBirth),
            patientEmail: key.sealOrNull(PHI_FIELD.email, input.patient.email),
            patientPhone: key.sealOrNull(PHI_FIELD.phone, input.patient.phone),
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
            prescriptionNotes: key.sealOrNull(PHI_FIELD.prescriptionNotes, p.notes),
            prescriberNpi: provider.npi!,
            writtenOn: p.writtenOn,
            expiresOn: p.expiresOn,
            visitsUsed: 0,
          });
          await manager.insert(Referral, referral);
          const saved = await manager.findOneOrFail(Referral, { where: { id } });
          const actor = actorOf(caller, {
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
    if (referral.requestHash !== this.phi.keyOf(referral).digest('request', requestHash)) {
      throw new ConflictError('This idempotency key was already used for a different referral.');
    }
    const party: Party = { actor: 'PROVIDER', userId: caller.principal.userId, declinedAtEventId: null };
    const manager = this.dataSource.manager;
    await this.audit.allowed(manager, caller, 'CREATE_REPLAY', referral.id);
    return {
      referral: await this.views.one(manager, referral, party),
      accessCode: formatAccessCode(deriveAccessCode(referral.id, this.accessCodeKey(referral.accessCodeKeyVersion))),
    };
  }

  /**
   * The key a referral's code was derived with: its own version of ACCESS_CODE_KEY, so rotating the key (or the
   * JWT secret) never changes the code a replay shows. Version 0 is the JWT secret of referrals made before.
   */
  private accessCodeKey(version: number): string {
    if (version === 0) return this.config.jwtSecret;
    const key = this.config.accessCodeKeys.keys[version];
    if (key === undefined) throw new Error(`ACCESS_CODE_KEY version ${version} is no longer configured`);
    return key;
  }

  private async validate(input: CreateReferralInput): Promise<void> {
    const today = todayIso();
    const p = input.prescription;
    const problems: FieldProblem[] = [];
    const codes = [...new Set(p.diagnosisCodes)];
    const known = new Set((await this.referenceData.diagnoses(codes)).map((d) => d.code));
    // Named by position: the codes themselves are the patient's diagnoses and stay out of error messages.
    for (const code of codes.filter((c) => !known.has(c))) {
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
    if (input.therapistId !== undefined && input.therapistId !== null) {
      const manager = this.dataSource.manager;
      problems.push(...(await this.access.therapistProblems(manager, input.therapistId, 'input.therapistId')));
    }
    if (problems.length > 0) throw new BadUserInputError(problems);
  }
}
