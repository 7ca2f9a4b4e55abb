import { type DynamicModule, Logger, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { GraphQLModule } from '@nestjs/graphql';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ScheduleModule } from '@nestjs/schedule';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { AppConfigModule, type ResolvedConfig } from '@mmn/config';
import { dataSourceOptions } from '@mmn/database';
import { AuditModule } from '@mmn/audit';
import { DirectoryModule } from '@mmn/directory';
import { formatGraphQLError, queryLimitProtection } from '@mmn/graphql-platform';
import { TransportExceptionFilter } from '@mmn/http';
import { IdentityModule } from '@mmn/identity';
import { InteropModule } from '@mmn/interop';
import { ReferenceDataModule } from '@mmn/reference-data';
import { ReferralsModule } from '@mmn/referrals';
import { SearchModule } from '@mmn/search';
import { ALL_ENTITIES } from './entities';
import { HealthController } from './health.controller';
import { requestLogParams } from './request-log';

const unexpectedErrors = new Logger('GraphQL');

export interface AppOptions {
  /** Where the request log goes (tests read it); stdout by default. */
  logDestination?: DestinationStream;
}

@Module({})
export class AppModule {
  static forRoot(config: ResolvedConfig, options: AppOptions = {}): DynamicModule {
    const development = config.nodeEnv !== 'production';
    const limits = queryLimitProtection();
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        ScheduleModule.forRoot(),
        LoggerModule.forRoot(requestLogParams(config, options.logDestination)),
        TypeOrmModule.forRoot(dataSourceOptions({ url: config.databaseUrl, entities: ALL_ENTITIES, migrations: [] })),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          path: '/graphql',
          autoSchemaFile: true,
          sortSchema: true,
          playground: false,
          introspection: config.graphqlIntrospection,
          buildSchemaOptions: { dateScalarMode: 'isoDate' },
          includeStacktraceInErrorResponses: false,
          allowBatchedHttpRequests: false,
          context: ({ req, res }: { req: unknown; res: unknown }) => ({ req, res }),
          formatError: (formatted) =>
            formatGraphQLError(formatted, development, (error) =>
              unexpectedErrors.error({ msg: 'unexpected error outside a resolver filter', error }),
            ),
          validationRules: limits.validationRules,
          parseOptions: limits.parseOptions,
          plugins: [
            ...limits.plugins,
            // No HTTP cache hints are used; the default plugin would still wrap every resolved field.
            ApolloServerPluginCacheControlDisabled(),
            development
              ? ApolloServerPluginLandingPageLocalDefault({ embed: true })
              : ApolloServerPluginLandingPageDisabled(),
          ],
        }),
        SearchModule,
        IdentityModule,
        ReferenceDataModule,
        DirectoryModule,
        AuditModule,
        ReferralsModule,
        InteropModule,
      ],
      controllers: [HealthController],
      providers: [{ provide: APP_FILTER, useClass: TransportExceptionFilter }],
    };
  }
}
