import { Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessGuard } from './access/access.guard';
import { AccessTokenService } from './access/access-token.service';
import { AccountCache } from './access/account-cache';
import { JwtStrategy } from './access/jwt.strategy';
import { IdentityResolver } from './identity.resolver';
import { LoginFailure } from './login/login-failure.entity';
import { LocalStrategy } from './login/local.strategy';
import { LoginThrottleService } from './login/login-throttle.service';
import { RefreshToken } from './sessions/refresh-token.entity';
import { AuthService } from './sessions/auth.service';
import { User } from './users/user.entity';
import { UsersService } from './users/users.service';
import { SessionHousekeeping } from './sessions/session-housekeeping.job';
import { ClientBudgetInterceptor } from './throttling/client-budget.interceptor';
import { RateLimitsService } from './throttling/rate-limits.service';
import { RegistrationThrottleService } from './throttling/registration-throttle.service';

export const IDENTITY_ENTITIES = [User, RefreshToken, LoginFailure];

@Module({
  imports: [TypeOrmModule.forFeature(IDENTITY_ENTITIES), PassportModule, JwtModule.register({})],
  providers: [
    UsersService,
    AuthService,
    AccessTokenService,
    AccountCache,
    LoginThrottleService,
    RateLimitsService,
    RegistrationThrottleService,
    SessionHousekeeping,
    JwtStrategy,
    LocalStrategy,
    IdentityResolver,
    { provide: APP_GUARD, useClass: AccessGuard },
    { provide: APP_INTERCEPTOR, useClass: ClientBudgetInterceptor },
  ],
  exports: [UsersService, RateLimitsService],
})
export class IdentityModule {}
