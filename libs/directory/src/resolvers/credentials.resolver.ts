import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentUser, type Principal, Roles } from '@mmn/identity';
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
  addLicense(@CurrentUser() principal: Principal, @Args('input') input: LicenseInput): Promise<License> {
    return this.credentials.addLicense(principal, input);
  }

  @Roles(Role.THERAPIST)
  @Mutation(() => Certification, { description: 'Starts PENDING' })
  addCertification(
    @CurrentUser() principal: Principal,
    @Args('input') input: CertificationInput,
  ): Promise<Certification> {
    return this.credentials.addCertification(principal, input);
  }

  @Roles(Role.THERAPIST)
  @Mutation(() => NetworkMembership, { description: 'Starts PENDING' })
  addNetworkMembership(
    @CurrentUser() principal: Principal,
    @Args('input') input: NetworkMembershipInput,
  ): Promise<NetworkMembership> {
    return this.credentials.addNetworkMembership(principal, input);
  }

  @Roles(Role.THERAPIST)
  @Mutation(() => Boolean, { description: 'Own credentials only' })
  removeCredential(
    @CurrentUser() principal: Principal,
    @Args('kind', { type: () => CredentialKind }) kind: CredentialKind,
    @Args('credentialId', { type: () => ID }) credentialId: string,
  ): Promise<boolean> {
    return this.credentials.remove(principal, kind, credentialId);
  }
}
