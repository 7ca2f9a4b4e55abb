import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type ResolvedConfig } from '@mmn/config';
import { type Budget, RateLimitsService } from './rate-limits.service';

/**
 * Registration answers whether an email is taken (CONFLICT, as the contract says), so the throttle is what stops
 * enumerating accounts, and mass sign-ups, at scale: a budget per client address per hour and one for everyone
 * together per minute. Every attempt counts, successful or not.
 */
@Injectable()
export class RegistrationThrottleService {
  private readonly perAddress: Budget;
  private readonly overall: Budget;

  constructor(
    private readonly limits: RateLimitsService,
    @Inject(APP_CONFIG) config: ResolvedConfig,
  ) {
    this.perAddress = {
      name: 'register-ip',
      points: config.limits.registrationsPerAddressPerHour,
      durationSeconds: 3600,
    };
    this.overall = { name: 'register-all', points: config.limits.registrationsPerMinute, durationSeconds: 60 };
  }

  async admit(ip: string): Promise<void> {
    await this.limits.spend(
      this.perAddress,
      ip,
      1,
      (retry) => `Too many registrations from your address; try again in ${retry} seconds.`,
    );
    await this.limits.spend(
      this.overall,
      'all',
      1,
      (retry) => `Too many registrations right now; try again in ${retry} seconds.`,
    );
  }
}
