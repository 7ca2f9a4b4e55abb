import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Network, ReferenceDataService } from '@mmn/reference-data';
import { Verification } from '../directory.models';
import { Certification } from '../entities/certification.entity';
import { License } from '../entities/license.entity';
import { NetworkMembership } from '../entities/network-membership.entity';
import { verificationOf } from '../services/verification.service';

@Resolver(() => License)
export class LicenseFieldsResolver {
  @ResolveField(() => Verification)
  verification(@Parent() license: License): Verification {
    return verificationOf(license);
  }
}

@Resolver(() => Certification)
export class CertificationFieldsResolver {
  @ResolveField(() => Verification)
  verification(@Parent() certification: Certification): Verification {
    return verificationOf(certification);
  }
}

@Resolver(() => NetworkMembership)
export class NetworkMembershipFieldsResolver {
  constructor(private readonly referenceData: ReferenceDataService) {}

  @ResolveField(() => Verification, { description: 'A membership "expires" on effectiveTo' })
  verification(@Parent() membership: NetworkMembership): Verification {
    return verificationOf(membership);
  }

  @ResolveField(() => Network)
  async network(@Parent() membership: NetworkMembership): Promise<Network> {
    const network = (await this.referenceData.networks()).find((candidate) => candidate.id === membership.networkId);
    if (!network) throw new Error(`network ${membership.networkId} missing from the vocabulary`);
    return network;
  }
}
