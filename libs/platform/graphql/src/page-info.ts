import { Field, ObjectType } from '@nestjs/graphql';

/** Relay-style page information of every cursor connection. */
@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}
