import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { type Caller, CurrentCaller, SignedIn } from '@mmn/identity';
import { AccessReportEntry } from './access-report';
import { ReferralAccessReport } from './referral-access-report.service';

@Resolver()
export class AccessReportResolver {
  constructor(private readonly accessReport: ReferralAccessReport) {}

  // Any signed-in caller may ask; whether they are the claiming patient is decided in the service (else NOT_FOUND).
  @SignedIn()
  @Query(() => [AccessReportEntry], {
    description:
      'Every access to the referral (from the audit log), newest first: the PATIENT who claimed it; anyone else NOT_FOUND',
  })
  referralAccessReport(
    @CurrentCaller() caller: Caller,
    @Args('referralId', { type: () => ID }) referralId: string,
  ): Promise<AccessReportEntry[]> {
    return this.accessReport.report(caller, referralId);
  }
}
