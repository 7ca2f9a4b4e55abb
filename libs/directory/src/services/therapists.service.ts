import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, type Repository } from 'typeorm';
import { BadUserInputError, type FieldProblem, NotFoundError } from '@mmn/errors';
import { type Principal, UsersService } from '@mmn/identity';
import { ReferenceDataService } from '@mmn/reference-data';
import { Role } from '@mmn/shared';
import { type TherapistProfileInput } from '../dto/therapist-profile.input';
import { enqueueSearchUpdate } from '../entities/search-outbox.entity';
import { Therapist } from '../entities/therapist.entity';
import { recordChanges } from '../rules/change-log';
import { loadTherapists, lockOwnTherapist, publicProfileChanged } from './therapist-records';

const PROFILE_FIELDS = [
  'displayName',
  'credentialLetters',
  'bio',
  'languages',
  'practiceContexts',
  'treatmentIntentions',
  'acceptingNewPatients',
  'billsInsurance',
  'conditionIds',
  'techniqueIds',
] as const;

const unique = <T>(values: T[]): T[] => [...new Set(values)];

/** Therapist profiles: created on registration, read in full (relations in one find), edited by their owner. */
@Injectable()
export class TherapistsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(Therapist) private readonly therapists: Repository<Therapist>,
    private readonly users: UsersService,
    private readonly referenceData: ReferenceDataService,
  ) {}

  onModuleInit(): void {
    this.users.onRegistered(async (user, manager) => {
      if (user.role !== Role.THERAPIST) return;
      const therapist = manager.create(Therapist, {
        userId: user.id,
        displayName: user.displayName,
        languages: [],
        practiceContexts: [],
        treatmentIntentions: [],
        conditionIds: [],
        techniqueIds: [],
      });
      await manager.save(therapist);
      await enqueueSearchUpdate(manager, therapist.id);
    });
  }

  /** A therapist with locations and credentials, or null. Includes suspended profiles. */
  async load(id: string): Promise<Therapist | null> {
    const [therapist] = await loadTherapists(this.dataSource.manager, [id]);
    return therapist ?? null;
  }

  /** Pass the transaction's manager when inside one, so the read does not need a second connection. */
  async loadMany(ids: string[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, Therapist>> {
    const found = await loadTherapists(manager, ids);
    return new Map(found.map((therapist) => [therapist.id, therapist]));
  }

  /** The public profile: null when not found or suspended. */
  async publicProfile(id: string): Promise<Therapist | null> {
    const therapist = await this.load(id);
    return therapist && !therapist.suspendedAt ? therapist : null;
  }

  async mine(principal: Principal): Promise<Therapist> {
    const own = await this.therapists.findOne({ where: { userId: principal.userId }, select: { id: true } });
    const therapist = own && (await this.load(own.id));
    if (!therapist) throw new NotFoundError('Therapist profile');
    return therapist;
  }

  async updateProfile(principal: Principal, input: TherapistProfileInput): Promise<Therapist> {
    await this.checkVocabulary(input);
    const id = await this.dataSource.transaction(async (manager) => {
      const therapist = await lockOwnTherapist(manager, principal);
      const before = { ...therapist };
      if (input.displayName != null) therapist.displayName = input.displayName;
      if (input.credentialLetters !== undefined) therapist.credentialLetters = input.credentialLetters || null;
      if (input.bio !== undefined) therapist.bio = input.bio?.trim() || null;
      if (input.languages != null) therapist.languages = unique(input.languages);
      if (input.practiceContexts != null) therapist.practiceContexts = unique(input.practiceContexts);
      if (input.treatmentIntentions != null) therapist.treatmentIntentions = unique(input.treatmentIntentions);
      if (input.acceptingNewPatients != null) therapist.acceptingNewPatients = input.acceptingNewPatients;
      if (input.billsInsurance != null) therapist.billsInsurance = input.billsInsurance;
      if (input.conditionIds != null) therapist.conditionIds = unique(input.conditionIds);
      if (input.techniqueIds != null) therapist.techniqueIds = unique(input.techniqueIds);
      const changed = await recordChanges(
        manager,
        { actorId: principal.userId, therapistId: therapist.id, entity: 'Therapist', entityId: therapist.id },
        before,
        therapist,
        PROFILE_FIELDS,
      );
      if (changed > 0) {
        await manager.save(therapist);
        await publicProfileChanged(manager, therapist.id);
      }
      return therapist.id;
    });
    return (await this.load(id))!;
  }

  private async checkVocabulary(input: TherapistProfileInput): Promise<void> {
    const problems: FieldProblem[] = [];
    const unknownConditions = await this.referenceData.unknownIds('conditions', input.conditionIds ?? []);
    if (unknownConditions.length > 0)
      problems.push({ path: 'input.conditionIds', message: `unknown condition ids: ${unknownConditions.join(', ')}` });
    const unknownTechniques = await this.referenceData.unknownIds('techniques', input.techniqueIds ?? []);
    if (unknownTechniques.length > 0)
      problems.push({ path: 'input.techniqueIds', message: `unknown technique ids: ${unknownTechniques.join(', ')}` });
    if (problems.length > 0) throw new BadUserInputError(problems);
  }
}
