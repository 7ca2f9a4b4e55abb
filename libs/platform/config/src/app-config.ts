import * as path from 'path';
import { ConfigError } from './config-error';
import { type Keyring, parseKeyring } from './keyring';

/** The environment, validated once at boot. No other module reads process.env. */
export interface AppConfig {
  port: number;
  nodeEnv: 'development' | 'production' | 'test';
  dataDir: string;
  /** Absent: the embedded PostgreSQL under DATA_DIR/postgres is used. */
  databaseUrl?: string;
  /** Absent: the bundled Meilisearch binary under DATA_DIR/meili is used. */
  meiliUrl?: string;
  meiliMasterKey?: string;
  jwtSecret?: string;
  /** Keys of the referral access codes (ACCESS_CODE_KEY); absent: generated and kept under DATA_DIR. */
  accessCodeKeys?: Keyring;
  /** Key-encryption keys of patient data at rest (PHI_KEY); absent: generated and kept under DATA_DIR. */
  phiKeys?: Keyring;
  /** How long PHI is kept once a referral is closed, and audit rows (REFERRAL_/AUDIT_RETENTION_YEARS). */
  retention: RetentionPeriods;
  seedDemo: boolean;
  adminEmail?: string;
  adminPassword?: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  smtpUrl?: string;
  /** Where people open the app; links in notification mail point here. */
  publicUrl: string;
  /** Sender of notification mail, e.g. `Medical Massage Network <no-reply@example.org>`. */
  mailFrom: string;
  /** Name prefix of the search index; tests give each file its own. */
  searchIndexPrefix: string;
  /** Run the search outbox worker inside the API process. */
  runSearchWorker: boolean;
  /** Per-client budgets (issue 14); the test harness raises them so tests from one address do not share them. */
  limits: RequestLimits;
  /** Only prescribers with a VERIFIED NPI may send referrals (REQUIRE_VERIFIED_PRESCRIBERS, default true). */
  requireVerifiedPrescribers?: boolean;
  /** Map tiles of the results map ({z}/{x}/{y} template, MAP_TILE_URL); OpenStreetMap's by default. */
  mapTileUrl?: string;
  /** The NPPES NPI Registry API administrators compare NPIs against (NPPES_API_URL). */
  nppesApiUrl?: string;
  /** Serve GraphQL introspection (always outside production; in production only when GRAPHQL_INTROSPECTION=true). */
  graphqlIntrospection: boolean;
}

export interface RequestLimits {
  /** Registrations from one client address per hour. */
  registrationsPerAddressPerHour: number;
  /** Registrations from everyone together per minute. */
  registrationsPerMinute: number;
  /** GraphQL operations (root fields) one anonymous client address may run per minute. */
  anonymousRequestsPerMinute: number;
  /** Cost points (a search costs more the wider it is) one anonymous client address may spend per minute. */
  anonymousCostPerMinute: number;
}

export interface RetentionPeriods {
  /** Years a referral (with its visits and timeline) is kept after it reached a final status. */
  referralYears: number;
  /** Years an audit row is kept; never less than referralYears, and never while its referral still exists. */
  auditYears: number;
}

/** Values the process needs that may be generated at start (embedded mode). */
export interface ResolvedConfig extends AppConfig {
  databaseUrl: string;
  meiliUrl: string;
  meiliMasterKey: string;
  jwtSecret: string;
  accessCodeKeys: Keyring;
  phiKeys: Keyring;
}

export { ConfigError };

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const NODE_ENVS = ['development', 'production', 'test'] as const;

function optional(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const value = optional(env, name);
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new ConfigError(name, `must be one of ${allowed.join(', ')} (got "${value}")`);
  }
  return value as T;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const value = optional(env, name)?.toLowerCase();
  if (value === undefined) return fallback;
  if (['true', '1', 'yes'].includes(value)) return true;
  if (['false', '0', 'no'].includes(value)) return false;
  throw new ConfigError(name, `must be true or false (got "${value}")`);
}

function port(env: Env, name: string, fallback: number): number {
  const value = optional(env, name);
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 0 || n > 65535) {
    throw new ConfigError(name, `must be a port number between 0 and 65535 (got "${value}")`);
  }
  return n;
}

function positiveInt(env: Env, name: string, fallback: number): number {
  const value = optional(env, name);
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 1_000_000_000) {
    throw new ConfigError(name, `must be a whole number from 1 to 1000000000 (got "${value}")`);
  }
  return Number(value);
}

function url(env: Env, name: string, protocols: string[]): string | undefined {
  const value = optional(env, name);
  if (value === undefined) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new ConfigError(name, 'is not a valid URL');
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `must start with ${protocols.map((p) => `${p}//`).join(' or ')}`);
  }
  return value;
}

export function loadConfig(env: Env = process.env): AppConfig {
  const nodeEnv = oneOf(env, 'NODE_ENV', NODE_ENVS, 'development');
  const databaseUrl = url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  const meiliUrl = url(env, 'MEILI_URL', ['http:', 'https:']);
  const meiliMasterKey = optional(env, 'MEILI_MASTER_KEY');
  if (meiliMasterKey !== undefined && meiliMasterKey.length < 16) {
    throw new ConfigError('MEILI_MASTER_KEY', 'must be at least 16 characters');
  }
  const jwtSecret = optional(env, 'JWT_SECRET');
  if (jwtSecret !== undefined && jwtSecret.length < 32) {
    throw new ConfigError('JWT_SECRET', 'must be at least 32 characters');
  }
  if (nodeEnv === 'production' && meiliUrl !== undefined && meiliMasterKey === undefined) {
    throw new ConfigError('MEILI_MASTER_KEY', 'is required in production with an external Meilisearch');
  }
  if (nodeEnv === 'production' && jwtSecret === undefined && databaseUrl !== undefined) {
    throw new ConfigError('JWT_SECRET', 'is required in production with an external database');
  }
  const accessCodeKey = optional(env, 'ACCESS_CODE_KEY');
  const accessCodeKeys = accessCodeKey === undefined ? undefined : parseKeyring('ACCESS_CODE_KEY', accessCodeKey);
  if (nodeEnv === 'production' && accessCodeKeys === undefined && databaseUrl !== undefined) {
    throw new ConfigError('ACCESS_CODE_KEY', 'is required in production with an external database');
  }
  const phiKey = optional(env, 'PHI_KEY');
  const phiKeys = phiKey === undefined ? undefined : parseKeyring('PHI_KEY', phiKey);
  if (nodeEnv === 'production' && phiKeys === undefined && databaseUrl !== undefined) {
    throw new ConfigError('PHI_KEY', 'is required in production with an external database');
  }
  const retention = {
    referralYears: positiveInt(env, 'REFERRAL_RETENTION_YEARS', 7),
    auditYears: positiveInt(env, 'AUDIT_RETENTION_YEARS', 10),
  };
  if (retention.auditYears < retention.referralYears) {
    throw new ConfigError('AUDIT_RETENTION_YEARS', 'must be at least REFERRAL_RETENTION_YEARS');
  }
  const adminEmail = optional(env, 'ADMIN_EMAIL');
  const adminPassword = optional(env, 'ADMIN_PASSWORD');
  if ((adminEmail === undefined) !== (adminPassword === undefined)) {
    throw new ConfigError(
      adminEmail === undefined ? 'ADMIN_EMAIL' : 'ADMIN_PASSWORD',
      'must be set together with the other ADMIN_ variable',
    );
  }
  if (adminEmail !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(adminEmail)) {
    throw new ConfigError('ADMIN_EMAIL', 'is not an email address');
  }
  if (adminPassword !== undefined && adminPassword.length < 12) {
    throw new ConfigError('ADMIN_PASSWORD', 'must be at least 12 characters');
  }
  const mailFrom = optional(env, 'MAIL_FROM');
  if (mailFrom !== undefined && !/^[^<>@\s]+@[^<>@\s]+$|<[^<>@\s]+@[^<>@\s]+>$/.test(mailFrom)) {
    throw new ConfigError('MAIL_FROM', 'must be an email address, optionally as "Name <address>"');
  }
  const embedded = databaseUrl === undefined;
  const indexPrefix = optional(env, 'SEARCH_INDEX_PREFIX') ?? '';
  if (!/^[a-zA-Z0-9_-]*$/.test(indexPrefix)) {
    throw new ConfigError('SEARCH_INDEX_PREFIX', 'may contain only letters, digits, - and _');
  }
  return {
    port: port(env, 'PORT', 3000),
    nodeEnv,
    dataDir: path.resolve(optional(env, 'DATA_DIR') ?? './.data'),
    databaseUrl,
    meiliUrl,
    meiliMasterKey,
    jwtSecret,
    accessCodeKeys,
    phiKeys,
    retention,
    seedDemo: bool(env, 'SEED_DEMO', embedded),
    adminEmail: adminEmail?.toLowerCase(),
    adminPassword,
    logLevel: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, nodeEnv === 'test' ? 'silent' : 'info'),
    smtpUrl: url(env, 'SMTP_URL', ['smtp:', 'smtps:']),
    publicUrl: (url(env, 'PUBLIC_URL', ['http:', 'https:']) ?? `http://localhost:${port(env, 'PORT', 3000)}`).replace(
      /\/+$/,
      '',
    ),
    mailFrom: mailFrom ?? 'Medical Massage Network <no-reply@localhost>',
    searchIndexPrefix: indexPrefix,
    runSearchWorker: bool(env, 'SEARCH_WORKER', true),
    limits: {
      registrationsPerAddressPerHour: positiveInt(env, 'REGISTRATIONS_PER_ADDRESS_PER_HOUR', 10),
      registrationsPerMinute: positiveInt(env, 'REGISTRATIONS_PER_MINUTE', 60),
      anonymousRequestsPerMinute: positiveInt(env, 'ANONYMOUS_REQUESTS_PER_MINUTE', 300),
      anonymousCostPerMinute: positiveInt(env, 'ANONYMOUS_COST_PER_MINUTE', 600),
    },
    graphqlIntrospection: bool(env, 'GRAPHQL_INTROSPECTION', false) || nodeEnv !== 'production',
    requireVerifiedPrescribers: bool(env, 'REQUIRE_VERIFIED_PRESCRIBERS', true),
    nppesApiUrl: url(env, 'NPPES_API_URL', ['http:', 'https:']) ?? 'https://npiregistry.cms.hhs.gov/api/',
    mapTileUrl: mapTileUrl(env),
  };
}

/** MAP_TILE_URL: an https (or http) tile template with {z}, {x} and {y}. */
function mapTileUrl(env: Env): string {
  const value = optional(env, 'MAP_TILE_URL') ?? 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
  const template = value.replace(/\{[zxy]\}/g, '0');
  if (!/^https?:\/\//.test(value) || !['{z}', '{x}', '{y}'].every((part) => value.includes(part)))
    throw new ConfigError('MAP_TILE_URL', 'must be an http(s) URL with {z}, {x} and {y}');
  try {
    new URL(template);
  } catch {
    throw new ConfigError('MAP_TILE_URL', 'is not a valid URL');
  }
  return value;
}
