import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('uses the embedded defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.seedDemo).toBe(true);
    expect(config.dataDir.endsWith('.data')).toBe(true);
  });

  it('takes a map tile template with {z}, {x} and {y}, OpenStreetMap by default, and names MAP_TILE_URL otherwise', () => {
    expect(loadConfig({}).mapTileUrl).toBe('https://tile.openstreetmap.org/{z}/{x}/{y}.png');
    expect(loadConfig({ MAP_TILE_URL: 'https://tiles.example/{z}/{x}/{y}.png' }).mapTileUrl).toBe(
      'https://tiles.example/{z}/{x}/{y}.png',
    );
    expect(() => loadConfig({ MAP_TILE_URL: 'https://tiles.example/{z}/{x}.png' })).toThrow(/MAP_TILE_URL/);
    expect(() => loadConfig({ MAP_TILE_URL: 'javascript:{z}{x}{y}' })).toThrow(/MAP_TILE_URL/);
  });

  it('does not seed demo data against an external database unless asked', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@db/x' }).seedDemo).toBe(false);
    expect(loadConfig({ SEED_DEMO: 'false' }).seedDemo).toBe(false);
  });

  it.each([
    ['PORT', 'abc', /PORT must be a port number/],
    ['PORT', '70000', /PORT must be a port number/],
    ['DATABASE_URL', 'mysql://x', /DATABASE_URL must start with postgres/],
    ['MEILI_URL', 'not a url', /MEILI_URL is not a valid URL/],
    ['MEILI_MASTER_KEY', 'short', /MEILI_MASTER_KEY must be at least 16/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL must be one of/],
    ['SEED_DEMO', 'maybe', /SEED_DEMO must be true or false/],
    ['NODE_ENV', 'staging', /NODE_ENV must be one of/],
  ])('names %s when its value %s is bad', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });

  it('in production, requires the secrets that an external service or database needs', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', MEILI_URL: 'http://search:7700' })).toThrow(
      /MEILI_MASTER_KEY is required in production/,
    );
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://u:p@db/x' })).toThrow(
      /JWT_SECRET is required in production/,
    );
    expect(
      loadConfig({ NODE_ENV: 'production', MEILI_URL: 'http://search:7700', MEILI_MASTER_KEY: 'k'.repeat(16) })
        .meiliMasterKey,
    ).toBe('k'.repeat(16));
  });

  it('builds mail links on PUBLIC_URL (default: this server) and checks MAIL_FROM', () => {
    expect(loadConfig({}).publicUrl).toBe('http://localhost:3000');
    expect(loadConfig({ PORT: '8080' }).publicUrl).toBe('http://localhost:8080');
    expect(loadConfig({ PUBLIC_URL: 'https://care.example.org/' }).publicUrl).toBe('https://care.example.org');
    expect(() => loadConfig({ PUBLIC_URL: 'ftp://x' })).toThrow(/PUBLIC_URL/);
    expect(loadConfig({ MAIL_FROM: 'Care Network <noreply@care.example.org>' }).mailFrom).toBe(
      'Care Network <noreply@care.example.org>',
    );
    expect(loadConfig({ MAIL_FROM: 'noreply@care.example.org' }).mailFrom).toBe('noreply@care.example.org');
    expect(() => loadConfig({ MAIL_FROM: 'Care Network' })).toThrow(/MAIL_FROM must be an email address/);
  });

  it('reads the per-client budgets, whole numbers of at least 1', () => {
    expect(loadConfig({}).limits).toEqual({
      registrationsPerAddressPerHour: 10,
      registrationsPerMinute: 60,
      anonymousRequestsPerMinute: 300,
      anonymousCostPerMinute: 600,
    });
    expect(loadConfig({ ANONYMOUS_COST_PER_MINUTE: '50' }).limits.anonymousCostPerMinute).toBe(50);
    expect(() => loadConfig({ REGISTRATIONS_PER_MINUTE: '0' })).toThrow(/REGISTRATIONS_PER_MINUTE must be a whole/);
    expect(() => loadConfig({ ANONYMOUS_REQUESTS_PER_MINUTE: '1.5' })).toThrow(/ANONYMOUS_REQUESTS_PER_MINUTE/);
  });

  it('serves introspection outside production, and in production only when GRAPHQL_INTROSPECTION=true', () => {
    expect(loadConfig({}).graphqlIntrospection).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production' }).graphqlIntrospection).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true' }).graphqlIntrospection).toBe(true);
    expect(() => loadConfig({ GRAPHQL_INTROSPECTION: 'perhaps' })).toThrow(/GRAPHQL_INTROSPECTION/);
  });

  it('reads ACCESS_CODE_KEY as versioned secrets, the highest version current', () => {
    const a = 'a'.repeat(32);
    const b = 'b'.repeat(32);
    expect(loadConfig({}).accessCodeKeys).toBeUndefined();
    expect(loadConfig({ ACCESS_CODE_KEY: a }).accessCodeKeys).toEqual({ current: 1, keys: { 1: a } });
    expect(loadConfig({ ACCESS_CODE_KEY: `2:${b}, 1:${a}` }).accessCodeKeys).toEqual({
      current: 2,
      keys: { 1: a, 2: b },
    });
    expect(() => loadConfig({ ACCESS_CODE_KEY: '1:short' })).toThrow(/ACCESS_CODE_KEY secrets must be at least 32/);
    expect(() => loadConfig({ ACCESS_CODE_KEY: `1:${a},1:${b}` })).toThrow(/version 1 twice/);
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://u:p@db/x', JWT_SECRET: a })).toThrow(
      /ACCESS_CODE_KEY is required in production/,
    );
  });

  it('reads PHI_KEY as versioned secrets, required in production with an external database', () => {
    const a = 'a'.repeat(32);
    const b = 'b'.repeat(32);
    expect(loadConfig({}).phiKeys).toBeUndefined();
    expect(loadConfig({ PHI_KEY: `1:${a},2:${b}` }).phiKeys).toEqual({ current: 2, keys: { 1: a, 2: b } });
    expect(() => loadConfig({ PHI_KEY: 'short' })).toThrow(/PHI_KEY secrets must be at least 32/);
    const production = {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://u:p@db/x',
      JWT_SECRET: a,
      ACCESS_CODE_KEY: a,
    };
    expect(() => loadConfig(production)).toThrow(/PHI_KEY is required in production/);
    expect(loadConfig({ ...production, PHI_KEY: b }).phiKeys?.current).toBe(1);
  });

  it('reads the retention periods: 7 years for referrals, 10 for audit rows, audit never shorter', () => {
    expect(loadConfig({}).retention).toEqual({ referralYears: 7, auditYears: 10 });
    expect(loadConfig({ REFERRAL_RETENTION_YEARS: '10', AUDIT_RETENTION_YEARS: '12' }).retention).toEqual({
      referralYears: 10,
      auditYears: 12,
    });
    expect(() => loadConfig({ REFERRAL_RETENTION_YEARS: '11' })).toThrow(/AUDIT_RETENTION_YEARS must be at least/);
    expect(() => loadConfig({ REFERRAL_RETENTION_YEARS: '0' })).toThrow(/REFERRAL_RETENTION_YEARS/);
  });

  it('requires ADMIN_EMAIL and ADMIN_PASSWORD together', () => {
    expect(() => loadConfig({ ADMIN_EMAIL: 'a@b.org' })).toThrow(/ADMIN_PASSWORD/);
  });
});
