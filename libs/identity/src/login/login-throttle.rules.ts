/** The sign-in throttle's numbers; part of the public behaviour (README) and covered by tests. */
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
/** Failures one address may make for one account within the window. */
export const MAX_FAILURES_PER_PAIR = 10;
/** Failures one address may make in all within the window. */
export const MAX_FAILURES_PER_IP = 50;
/** Failures of one account, from anywhere, before every further attempt waits. */
export const ACCOUNT_SLOWDOWN_AFTER = 20;
export const ACCOUNT_MAX_DELAY_SECONDS = 60;

/**
 * How long an account that has failed `failures` times in the window (from any address) waits after its latest
 * failure before the next password check: nothing up to 20, then 1, 2, 4, ... seconds, at most a minute. A delay,
 * never a lockout: the owner gets in after at most a minute, whatever strangers do.
 */
export function accountDelaySeconds(failures: number): number {
  if (failures < ACCOUNT_SLOWDOWN_AFTER) return 0;
  return Math.min(2 ** (failures - ACCOUNT_SLOWDOWN_AFTER), ACCOUNT_MAX_DELAY_SECONDS);
}
