import { Field, ObjectType } from '@nestjs/graphql';
import { Visit } from '../entities/visit.entity';
import { ReferralEventView } from '../referrals.models';

@ObjectType({
  description:
    "The care before a transfer, as the continuation's parties may see it: its therapist only with the patient's consent (SOAP notes only if shared separately)",
})
export class EarlierCare {
  @Field(() => String, { nullable: true })
  transferSummary: string | null;

  @Field(() => [Visit], { description: 'Dates, minutes and techniques; soapNote is null unless the patient shares it' })
  visits: Visit[];

  @Field(() => [ReferralEventView], { description: 'The progress notes, oldest first' })
  progressNotes: ReferralEventView[];
}
