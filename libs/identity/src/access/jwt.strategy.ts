import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { APP_CONFIG, type ResolvedConfig } from '@mmn/config';
import { Role } from '@mmn/shared';
import type { Principal } from './access.decorator';
import { type AccessTokenClaims, TOKEN_AUDIENCE, TOKEN_ISSUER } from './access-token.service';

/** Bearer access tokens: HS256 only (so "alg: none" and RS/HS confusion are refused), iss/aud/exp checked. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(@Inject(APP_CONFIG) config: ResolvedConfig) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: config.jwtSecret,
      algorithms: ['HS256'],
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
      ignoreExpiration: false,
    });
  }

  validate(claims: AccessTokenClaims & { sub?: unknown }): Principal | false {
    if (typeof claims.sub !== 'string' || !Object.values(Role).includes(claims.role)) return false;
    return { userId: claims.sub, role: claims.role };
  }
}
