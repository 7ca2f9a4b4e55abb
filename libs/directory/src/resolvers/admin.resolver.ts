import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { PageSize } from '@mmn/graphql-platform';
import { CurrentCaller, type Caller, Roles } from '@mmn/identity';
import { Role } from '@mmn/shared';
import { PendingCredential, Verification } from '../directory.models';
import { TherapistSuspensionInput } from '../dto/admin.inputs';
import { VerifyCredentialInput } from '../dto/credential.inputs';
import { ProfileChange } from '../entities/profile-change.entity';
import { Therapist } from '../entities/therapist.entity';
import { ChangeHistoryService } from '../services/change-history.service';
import { SuspensionService } from '../services/suspension.service';
import { TherapistsService } from '../services/therapists.service';
import { VerificationService } from '../services/verification.service';
import { ProviderVerificationService } from '../services/provider-verification.service';
import { Provider } from '../entities/provider.entity';
import { NppesClient } from '../registry/nppes-client.service';
import { RegistryLookup } from '../registry/registry.models';
import { VerifyProviderInput } from '../dto/verification-decision.input';

/** Network staff: verification, suspension and the change history. */
@Resolver()
export class AdminResolver {
  constructor(
    private readonly verification: VerificationService,
    private readonly suspension: SuspensionService,
    private readonly history: ChangeHistoryService,
    private readonly therapists: TherapistsService,
    private readonly providerVerification: ProviderVerificationService,
    private readonly nppes: NppesClient,
  ) {}

  @Roles(Role.ADMIN)
  @Mutation(() => Verification)
  verifyCredential(
    @CurrentCaller() caller: Caller,
    @Args('input') input: VerifyCredentialInput,
  ): Promise<Verification> {
    return this.verification.verify(caller.principal, input);
  }

  @Roles(Role.ADMIN)
  @Query(() => [PendingCredential])
  async pendingCredentials(@PageSize({ defaultValue: 50, max: 200 }) first: number): Promise<PendingCredential[]> {
    const rows = await this.verification.pending(first);
    const therapists = await this.therapists.loadMany(rows.map((row) => row.therapistId));
    return rows.map((row) => ({
      kind: row.kind,
      credentialId: row.credentialId,
      submittedAt: row.submittedAt,
      therapist: therapists.get(row.therapistId)!,
    }));
  }

  @Roles(Role.ADMIN)
  @Query(() => [Provider], { description: 'Prescribers whose NPI waits for verification, oldest first' })
  pendingProviderVerifications(@PageSize({ defaultValue: 50, max: 200 }) first: number): Promise<Provider[]> {
    return this.providerVerification.pending(first);
  }

  @Roles(Role.ADMIN)
  @Query(() => RegistryLookup, { description: "The NPPES registry's record of a provider's NPI, beside their entries" })
  providerRegistryRecord(@Args('providerId', { type: () => ID }) providerId: string): Promise<RegistryLookup> {
    return this.nppes.lookUpProvider(providerId);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => Verification, { description: 'Checked against the NPPES registry; VERIFIED or REJECTED' })
  verifyProvider(@CurrentCaller() caller: Caller, @Args('input') input: VerifyProviderInput): Promise<Verification> {
    return this.providerVerification.verify(caller.principal, input);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => Therapist, { description: 'Hides the profile from the public until reinstated' })
  async suspendTherapist(
    @CurrentCaller() caller: Caller,
    @Args('input') input: TherapistSuspensionInput,
  ): Promise<Therapist> {
    return (await this.therapists.load(await this.suspension.suspend(caller.principal, input)))!;
  }

  @Roles(Role.ADMIN)
  @Mutation(() => Therapist)
  async reinstateTherapist(
    @CurrentCaller() caller: Caller,
    @Args('input') input: TherapistSuspensionInput,
  ): Promise<Therapist> {
    return (await this.therapists.load(await this.suspension.reinstate(caller.principal, input)))!;
  }

  @Roles(Role.ADMIN)
  @Query(() => [ProfileChange], { description: 'Newest first' })
  therapistChangeHistory(
    @Args('therapistId', { type: () => ID }) therapistId: string,
    @PageSize({ defaultValue: 100, max: 500 }) first: number,
  ): Promise<ProfileChange[]> {
    return this.history.forTherapist(therapistId, first);
  }
}
