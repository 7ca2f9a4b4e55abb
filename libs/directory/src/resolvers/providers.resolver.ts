import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentCaller, type Caller, Roles, SignedIn } from '@mmn/identity';
import { Role } from '@mmn/shared';
import { ProviderProfileInput } from '../dto/provider-profile.input';
import { Provider } from '../entities/provider.entity';
import { ProvidersService } from '../services/providers.service';
import { providerVerificationOf } from '../services/provider-verification.service';
import { Verification } from '../directory.models';

@Resolver(() => Provider)
export class ProvidersResolver {
  constructor(private readonly providers: ProvidersService) {}

  @SignedIn()
  @Query(() => Provider, { nullable: true })
  provider(@Args('id', { type: () => ID }) id: string): Promise<Provider | null> {
    return this.providers.byId(id);
  }

  @Roles(Role.PROVIDER)
  @Query(() => Provider)
  myProviderProfile(@CurrentCaller() caller: Caller): Promise<Provider> {
    return this.providers.mine(caller.principal);
  }

  @Roles(Role.PROVIDER)
  @Mutation(() => Provider)
  updateMyProviderProfile(
    @CurrentCaller() caller: Caller,
    @Args('input') input: ProviderProfileInput,
  ): Promise<Provider> {
    return this.providers.updateProfile(caller.principal, input);
  }

  @ResolveField(() => Verification, { description: 'Primary-source verification of the NPI (NPPES)' })
  verification(@Parent() provider: Provider): Verification {
    return providerVerificationOf(provider);
  }

  /** Non-null in the contract: a provider who has not entered an NPI yet reads "". */
  @ResolveField(() => String, { description: '10 digits with a valid check digit; "" until the provider enters it' })
  npi(@Parent() provider: Provider): string {
    return provider.npi ?? '';
  }
}
