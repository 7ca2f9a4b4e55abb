import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentCaller, type Caller, Roles } from '@mmn/identity';
import { Role } from '@mmn/shared';
import { CredentialKind } from '../directory.enums';
import { CertificationInput, LicenseInput, NetworkMembershipInput } from '../dto/credential.inputs';
import { Certification } from '../entities/certification.entity';
import { License } from '../entities/license.entity';
import { NetworkMembership } from '../entities/network-membership.entity';
import { CredentialsService } from '../services/credentials.service';

@Resolver()
export class CredentialsResolver {
  constructor(private readonly credentials: CredentialsService) {}

  @Roles(Role.THERAPIST)
  @Mutation(() => License, { description: 'Starts PENDING' })
  addLicense(@CurrentCaller() caller: Caller, @Args('input') input: LicenseInput): Promise<License> {
    return this.credentials.addLicense(caller.principal, input);
  }

  @Roles(Role.THERAPIST)
  @Mutation(() => Certification, { description: 'Starts PENDING' })
  addCertification(@CurrentCaller() caller: Caller, @Args('input') input: CertificationInput): Promise<Certification> {
    return this.credentials.addCertification(caller.principal, input);
  }

  @Roles(Role.THERAPIST)
  @Mutation(() => NetworkMembership, { description: 'Starts PENDING' })
  addNetworkMembership(
    @CurrentCaller() caller: Caller,
    @Args('input') input: NetworkMembershipInput,
  ): Promise<NetworkMembership> {
    return this.credentials.addNetworkMembership(caller.principal, input);
  }

  @Roles(Role.THERAPIST)
  @Mutation(() => Boolean, { description: 'Own credentials only' })
  removeCredential(
    @CurrentCaller() caller: Caller,
    @Args('kind', { type: () => CredentialKind }) kind: CredentialKind,
    @Args('credentialId', { type: () => ID }) credentialId: string,
  ): Promise<boolean> {
    return this.credentials.remove(caller.principal, kind, credentialId);
  }
}
