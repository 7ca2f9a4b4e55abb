import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { APP_CONFIG, type ResolvedConfig } from '@mmn/config';
import { isUuid, Role } from '@mmn/shared';
import type { Principal } from './access.decorator';
import { ACCESS_TOKEN_TTL_SECONDS, TOKEN_AUDIENCE, TOKEN_ISSUER } from './access-token.service';
import { AccountCache } from './account-cache';

interface Claims {
  sub?: unknown;
  role?: unknown;
  iat?: unknown;
  exp?: unknown;
}

/**
 * Bearer access tokens: HS256 only (so "alg: none" and RS/HS confusion are refused), iss/aud checked, `iat` and
 * `exp` required and at most the access-token lifetime apart (a token signed to live a century is refused), `sub`
 * a UUID. Rights come from the account as it is now (AccountCache), never from the token's role claim.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(APP_CONFIG) config: ResolvedConfig,
    private readonly accounts: AccountCache,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: config.jwtSecret,
      algorithms: ['HS256'],
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
      ignoreExpiration: false,
      // Checked against iat by jsonwebtoken, which then requires iat.
      jsonWebTokenOptions: { maxAge: `${ACCESS_TOKEN_TTL_SECONDS}s` },
    });
  }

  async validate(claims: Claims): Promise<Principal | false> {
    const { sub, iat, exp, role } = claims;
    if (typeof sub !== 'string' || !isUuid(sub)) return false;
    // The claim is not trusted for rights, but a token we did not issue in this shape is no token of ours.
    if (!Object.values(Role).includes(role as Role)) return false;
    if (typeof iat !== 'number' || typeof exp !== 'number') return false;
    if (exp - iat > ACCESS_TOKEN_TTL_SECONDS || exp <= iat) return false;
    const account = await this.accounts.get(sub);
    if (!account) return false;
    return { userId: account.id, role: account.role };
  }
}
