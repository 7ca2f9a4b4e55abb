import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, type Principal, Public, Roles } from '@mmn/identity';
import { Role } from '@mmn/shared';
import { PracticeLocationInput } from '../dto/practice-location.input';
import { TherapistProfileInput } from '../dto/therapist-profile.input';
import { PracticeLocation } from '../entities/practice-location.entity';
import { Therapist } from '../entities/therapist.entity';
import { LocationsService } from '../services/locations.service';
import { TherapistsService } from '../services/therapists.service';

@Resolver()
export class TherapistsResolver {
  constructor(
    private readonly therapists: TherapistsService,
    private readonly locations: LocationsService,
  ) {}

  @Public()
  @Query(() => Therapist, { nullable: true, description: 'Public profile; null when not found or suspended' })
  therapist(@Args('id', { type: () => ID }) id: string): Promise<Therapist | null> {
    return this.therapists.publicProfile(id);
  }

  @Roles(Role.THERAPIST)
  @Query(() => Therapist)
  myTherapistProfile(@CurrentUser() principal: Principal): Promise<Therapist> {
    return this.therapists.mine(principal);
  }

  @Roles(Role.THERAPIST)
  @Mutation(() => Therapist)
  updateMyTherapistProfile(
    @CurrentUser() principal: Principal,
    @Args('input') input: TherapistProfileInput,
  ): Promise<Therapist> {
    return this.therapists.updateProfile(principal, input);
  }

  @Roles(Role.THERAPIST)
  @Mutation(() => PracticeLocation)
  addPracticeLocation(
    @CurrentUser() principal: Principal,
    @Args('input') input: PracticeLocationInput,
  ): Promise<PracticeLocation> {
    return this.locations.add(principal, input);
  }

  @Roles(Role.THERAPIST)
  @Mutation(() => Boolean, { description: 'Own locations only' })
  removePracticeLocation(
    @CurrentUser() principal: Principal,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<boolean> {
    return this.locations.remove(principal, id);
  }
}
