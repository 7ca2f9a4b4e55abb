import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { MoreThan, type Repository } from 'typeorm';
import { RateLimitedError } from '@mmn/errors';
import { LoginFailure } from './login-failure.entity';

export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 10;
export const MAX_FAILURES_PER_IP = 50;

/** Stops password guessing: 10 failures for one account or 50 from one address within 15 minutes. */
@Injectable()
export class LoginThrottleService {
  constructor(@InjectRepository(LoginFailure) private readonly failures: Repository<LoginFailure>) {}

  async assertAllowed(email: string, ip: string): Promise<void> {
    const since = new Date(Date.now() - LOGIN_WINDOW_MS);
    const [byAccount, byIp] = await Promise.all([
      this.failures.count({ where: { email, at: MoreThan(since) } }),
      this.failures.count({ where: { ip, at: MoreThan(since) } }),
    ]);
    if (byAccount >= MAX_FAILURES_PER_ACCOUNT || byIp >= MAX_FAILURES_PER_IP) {
      throw new RateLimitedError(
        'Too many failed sign-in attempts; wait 15 minutes and try again.',
        LOGIN_WINDOW_MS / 1000,
      );
    }
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    await this.failures.insert({ email, ip });
  }
}
