import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG, type ResolvedConfig } from '@mmn/config';
import { Role } from '@mmn/shared';
import type { Principal } from './access.decorator';

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
export const TOKEN_ISSUER = 'medical-massage-network';
export const TOKEN_AUDIENCE = 'medical-massage-network-api';

export interface AccessTokenClaims {
  sub: string;
  role: Role;
}

/** HS256 access tokens: iss, aud and expiry checked; any other algorithm (including "none") refused. */
@Injectable()
export class AccessTokenService {
  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  issue(principal: Principal): string {
    return this.jwt.sign({ role: principal.role } satisfies Omit<AccessTokenClaims, 'sub'>, {
      subject: principal.userId,
      secret: this.config.jwtSecret,
      algorithm: 'HS256',
      expiresIn: ACCESS_TOKEN_TTL_SECONDS,
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
    });
  }
}
