import { Inject, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';

export interface JobSchedule {
  /** Named in the scheduler registry and in every log line about the job. */
  name: string;
  everyMs: number;
  /** Run once as soon as the application has started, then every `everyMs`. */
  runAtStart?: boolean;
  /** After consecutive failures the job waits `everyMs × 2^failures`, up to this long, before trying again. */
  maxBackoffMs?: number;
}

/**
 * The one primitive for periodic work (expiry, sweeps, housekeeping, outbox polling): an interval registered
 * with @nestjs/schedule's registry, runs that never overlap, and failures that are logged with the job's name
 * and retried at a later tick, never swallowed. Subclasses implement `runOnce` and may turn the job off per
 * process with `enabled()`; `tick()` runs it now (tests, CLIs) and waits for a run already in flight.
 */
export abstract class PeriodicJob implements OnApplicationBootstrap, OnApplicationShutdown {
  @Inject(SchedulerRegistry) private readonly scheduler!: SchedulerRegistry;
  protected readonly logger = new Logger(this.constructor.name);
  protected abstract readonly schedule: JobSchedule;
  private inFlight: Promise<void> | null = null;
  private failures = 0;
  private notBefore = 0;

  protected abstract runOnce(): Promise<unknown>;

  protected enabled(): boolean {
    return true;
  }

  onApplicationBootstrap(): void {
    if (!this.enabled()) return;
    const timer = setInterval(() => {
      if (Date.now() >= this.notBefore) void this.tick();
    }, this.schedule.everyMs);
    timer.unref();
    this.scheduler.addInterval(this.schedule.name, timer);
    if (this.schedule.runAtStart) void this.tick();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.scheduler.doesExist('interval', this.schedule.name)) this.scheduler.deleteInterval(this.schedule.name);
    await this.inFlight;
  }

  /** One run now, or the one already in flight; resolves when it is over (failures are logged, not thrown). */
  tick(): Promise<void> {
    this.inFlight ??= this.runOnce()
      .then(
        () => {
          this.failures = 0;
          this.notBefore = 0;
        },
        (error: unknown) => {
          this.failures++;
          const waitMs = Math.min(
            this.schedule.everyMs * 2 ** (this.failures - 1),
            this.schedule.maxBackoffMs ?? this.schedule.everyMs,
          );
          this.notBefore = Date.now() + waitMs;
          this.logger.error(
            `job ${this.schedule.name} failed (${this.failures} in a row); retrying in ${Math.round(waitMs / 1000)} s: ${
              error instanceof Error ? error.message : String(error)
            }`,
          );
        },
      )
      .finally(() => {
        this.inFlight = null;
      });
    return this.inFlight;
  }
}
