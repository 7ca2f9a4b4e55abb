import { type ArgumentsHost, Catch, Logger } from '@nestjs/common';
import { GqlArgumentsHost, type GqlExceptionFilter } from '@nestjs/graphql';
import { toGraphQLError } from './graphql-error-mapping';

/** The one exception filter: maps typed domain exceptions (and anything unexpected) to contract codes. */
@Catch()
export class GraphQLExceptionFilter implements GqlExceptionFilter {
  private readonly logger = new Logger('GraphQL');

  catch(exception: unknown, host: ArgumentsHost) {
    if (host.getType<string>() !== 'graphql') throw exception;
    const context = GqlArgumentsHost.create(host).getContext<{ req?: { id?: string } }>();
    return toGraphQLError(exception, context?.req?.id, {
      error: (details, message) => this.logger.error({ ...details, msg: message }),
    });
  }
}
