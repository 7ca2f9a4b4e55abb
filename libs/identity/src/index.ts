// Accounts, sign-in (Passport local + JWT), sessions, and the access declarations every operation makes.
export * from './access/access.decorator';
export * from './access/access-declarations';
export * from './identity.module';
export { ARGON2_PARAMETERS, hashPassword } from './passwords/password-policy';
export * from './users/user.entity';
export * from './users/users.service';
export * from './sessions/session-housekeeping.job';
export * from './throttling/rate-limits.service';
export { Cost, type CostRule } from './throttling/client-budget.interceptor';
