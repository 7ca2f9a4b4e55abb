import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Condition, ReferenceDataService, Technique } from '@mmn/reference-data';
import { Endorsement, Reputation } from '../directory.models';
import { Therapist } from '../entities/therapist.entity';
import { isTherapistVerified } from '../rules/therapist-verification';

/** Computed fields of Therapist. Vocabularies come from the in-memory reference cache (no per-row queries). */
@Resolver(() => Therapist)
export class TherapistFieldsResolver {
  constructor(private readonly referenceData: ReferenceDataService) {}

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

  @ResolveField(() => Boolean, { description: 'Holds a VERIFIED, unexpired license in the state of one of its locations' })
  verified(@Parent() therapist: Therapist): boolean {
    return isTherapistVerified(therapist.licenses ?? [], (therapist.locations ?? []).map((location) => location.state));
  }

  @ResolveField(() => Reputation)
  reputation(@Parent() therapist: Therapist): Reputation {
    return {
      referringProviders: therapist.referringProviders,
      completedReferrals: therapist.completedReferrals,
      endorsements: therapist.endorsementCount,
    };
  }

  /** No endorsements are stored yet (the referrals feature adds them). */
  @ResolveField(() => [Endorsement])
  endorsements(): Endorsement[] {
    return [];
  }
}
