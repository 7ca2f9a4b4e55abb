import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectRepository } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { In, type Repository } from 'typeorm';
import { Condition, ReferenceDataService, Technique } from '@mmn/reference-data';
import { Endorsement } from '../entities/endorsement.entity';
import { Therapist } from '../entities/therapist.entity';

/** Computed fields of Therapist. Vocabularies come from the in-memory reference cache (no per-row queries). */
@Resolver(() => Therapist)
export class TherapistFieldsResolver {
  /** One endorsements loader per request (keyed by the request object), so a page of therapists costs one query. */
  private readonly endorsementLoaders = new WeakMap<object, DataLoader<string, Endorsement[]>>();

  constructor(
    private readonly referenceData: ReferenceDataService,
    @InjectRepository(Endorsement) private readonly endorsementRepo: Repository<Endorsement>,
  ) {}

  @ResolveField(() => [Condition])
  async conditions(@Parent() therapist: Therapist): Promise<Condition[]> {
    const ids = new Set(therapist.conditionIds);
    return (await this.referenceData.conditions()).filter((condition) => ids.has(condition.id));
  }

  @ResolveField(() => [Technique])
  async techniques(@Parent() therapist: Therapist): Promise<Technique[]> {
    const ids = new Set(therapist.techniqueIds);
    return (await this.referenceData.techniques()).filter((technique) => ids.has(technique.id));
  }

  /** Newest first, with the endorsing provider and their locations, batch-loaded per request. */
  @ResolveField(() => [Endorsement])
  endorsements(@Parent() therapist: Therapist, @Context('req') req: object | undefined): Promise<Endorsement[]> {
    const key = req ?? therapist;
    let loader = this.endorsementLoaders.get(key);
    if (!loader) {
      loader = new DataLoader((ids: readonly string[]) => this.loadEndorsements(ids), { cache: true });
      this.endorsementLoaders.set(key, loader);
    }
    return loader.load(therapist.id);
  }

  private async loadEndorsements(therapistIds: readonly string[]): Promise<Endorsement[][]> {
    const found = await this.endorsementRepo.find({
      where: { therapistId: In([...therapistIds]) },
      relations: { provider: { locations: true } },
      order: { createdAt: 'DESC', id: 'ASC' },
    });
    return therapistIds.map((id) => found.filter((endorsement) => endorsement.therapistId === id));
  }
}
