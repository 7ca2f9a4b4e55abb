import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentCaller, type Caller, Public, Roles } from '@mmn/identity';
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
  myTherapistProfile(@CurrentCaller() caller: Caller): Promise<Therapist> {
    return this.therapists.mine(caller.principal);
  }

  @Roles(Role.THERAPIST)
  @Mutation(() => Therapist)
  updateMyTherapistProfile(
    @CurrentCaller() caller: Caller,
    @Args('input') input: TherapistProfileInput,
  ): Promise<Therapist> {
    return this.therapists.updateProfile(caller.principal, input);
  }

  @Roles(Role.THERAPIST)
  @Mutation(() => PracticeLocation)
  addPracticeLocation(
    @CurrentCaller() caller: Caller,
    @Args('input') input: PracticeLocationInput,
  ): Promise<PracticeLocation> {
    return this.locations.add(caller.principal, input);
  }

  @Roles(Role.THERAPIST)
  @Mutation(() => Boolean, { description: 'Own locations only' })
  removePracticeLocation(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<boolean> {
    return this.locations.remove(caller.principal, id);
  }
}
