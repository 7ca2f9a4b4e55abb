import { randomUUID } from 'crypto';
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
import type { IncomingMessage } from 'http';
import { ScheduleModule } from '@nestjs/schedule';
import { LoggerModule } from 'nestjs-pino';
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

const unexpectedErrors = new Logger('GraphQL');

@Module({})
export class AppModule {
  static forRoot(config: ResolvedConfig): DynamicModule {
    const development = config.nodeEnv !== 'production';
    const limits = queryLimitProtection();
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        ScheduleModule.forRoot(),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            genReqId: (req: IncomingMessage) => {
              const header = req.headers['x-request-id'];
              return typeof header === 'string' && /^[\w-]{1,64}$/.test(header) ? header : randomUUID();
            },
            // Request bodies may carry PHI or passwords: they are never logged, nor are credentials.
            redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
            serializers: {
              // The path only: query strings of the website's pages hold health searches.
              req: (req: { id: string; method: string; url: string }) => ({
                id: req.id,
                method: req.method,
                url: req.url.split('?')[0],
              }),
            },
          },
        }),
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
