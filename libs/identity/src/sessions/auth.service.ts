import { createHash, randomBytes, randomUUID } from 'crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, type Repository } from 'typeorm';
import { UnauthenticatedError } from '@mmn/errors';
import { AccessTokenService, ACCESS_TOKEN_TTL_SECONDS } from '../access/access-token.service';
import { LoginThrottleService } from '../login/login-throttle.service';
import { hashPassword, verifyPassword } from '../passwords/password-policy';
import { User } from '../users/user.entity';
import { normaliseEmail } from '../users/users.service';
import { RefreshToken } from './refresh-token.entity';

export const REFRESH_TOKEN_TTL_MS = 12 * 60 * 60 * 1000;
export const SESSION_MAX_AGE_MS = 12 * 60 * 60 * 1000;

export interface Session {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: User;
}

const INVALID_REFRESH = 'The refresh token is invalid, expired or already used; sign in again.';

function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

@Injectable()
export class AuthService {
  /** Verified against when the email is unknown, so both failures take the same time. */
  private readonly decoyHash = hashPassword(randomBytes(16).toString('hex'));

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(RefreshToken) private readonly refreshTokens: Repository<RefreshToken>,
    private readonly throttle: LoginThrottleService,
    private readonly accessTokens: AccessTokenService,
  ) {}

  /** The local strategy's check. Unknown email and wrong password fail alike, in about the same time. */
  async checkPassword(rawEmail: string, password: string, ip: string): Promise<User> {
    const email = normaliseEmail(rawEmail);
    // Recorded as a failure before the check, so parallel guesses are counted before any is checked.
    const attempt = await this.throttle.admit(email, ip);
    const user = await this.users.findOneBy({ email });
    const ok = await verifyPassword(user?.passwordHash ?? (await this.decoyHash), password);
    if (!user || !ok) throw new UnauthenticatedError('Wrong email or password.');
    await this.throttle.succeeded(attempt);
    return user;
  }

  async startSession(user: User): Promise<Session> {
    return this.issue(user, randomUUID(), new Date(Date.now() + SESSION_MAX_AGE_MS));
  }

  /** Rotates a refresh token. Presenting one that was already used revokes its whole family. */
  async refresh(presented: string): Promise<Session> {
    const outcome = await this.refreshTokens.manager.transaction(async (manager) => {
      const token = await manager.findOne(RefreshToken, {
        where: { tokenHash: tokenHash(presented) },
        lock: { mode: 'pessimistic_write' },
      });
      if (!token || token.revokedAt) return { error: true as const };
      if (token.usedAt) {
        await manager.update(
          RefreshToken,
          { familyId: token.familyId, revokedAt: IsNull() },
          { revokedAt: new Date() },
        );
        return { error: true as const };
      }
      const now = Date.now();
      if (token.expiresAt.getTime() <= now || token.sessionExpiresAt.getTime() <= now) return { error: true as const };
      await manager.update(RefreshToken, { id: token.id }, { usedAt: new Date() });
      const user = await manager.findOneByOrFail(User, { id: token.userId });
      return {
        error: false as const,
        session: await this.issue(user, token.familyId, token.sessionExpiresAt, manager.getRepository(RefreshToken)),
      };
    });
    if (outcome.error) throw new UnauthenticatedError(INVALID_REFRESH);
    return outcome.session;
  }

  /** Ends the session the refresh token belongs to. Unknown tokens are ignored (logout is idempotent). */
  async logout(presented: string): Promise<boolean> {
    const token = await this.refreshTokens.findOneBy({ tokenHash: tokenHash(presented) });
    if (token)
      await this.refreshTokens.update({ familyId: token.familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
    return true;
  }

  private async issue(
    user: User,
    familyId: string,
    sessionExpiresAt: Date,
    repo = this.refreshTokens,
  ): Promise<Session> {
    const refreshToken = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Math.min(Date.now() + REFRESH_TOKEN_TTL_MS, sessionExpiresAt.getTime()));
    await repo.insert({ userId: user.id, familyId, tokenHash: tokenHash(refreshToken), expiresAt, sessionExpiresAt });
    return {
      accessToken: this.accessTokens.issue({ userId: user.id, role: user.role }),
      refreshToken,
      expiresIn: ACCESS_TOKEN_TTL_SECONDS,
      user,
    };
  }
}
