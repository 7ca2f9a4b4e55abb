import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

export interface LocalSecrets {
  postgresPassword: string;
  meiliMasterKey: string;
  jwtSecret: string;
  /** ACCESS_CODE_KEY's format: version 1 and its secret. */
  accessCodeKey: string;
}

/** Secrets generated once for the embedded default and kept (mode 600) under DATA_DIR. */
export function loadOrCreateSecrets(dataDir: string): LocalSecrets {
  const file = path.join(dataDir, 'secrets.json');
  const existing: Partial<LocalSecrets> = fs.existsSync(file)
    ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<LocalSecrets>)
    : {};
  const secrets: LocalSecrets = {
    postgresPassword: existing.postgresPassword ?? randomBytes(18).toString('base64url'),
    meiliMasterKey: existing.meiliMasterKey ?? randomBytes(24).toString('base64url'),
    jwtSecret: existing.jwtSecret ?? randomBytes(48).toString('base64url'),
    accessCodeKey: existing.accessCodeKey ?? `1:${randomBytes(48).toString('base64url')}`,
  };
  if (JSON.stringify(existing) !== JSON.stringify(secrets)) {
    fs.mkdirSync(dataDir, { recursive: true });
    const tmp = `${file}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(secrets, null, 2), { mode: 0o600 });
    fs.renameSync(tmp, file);
  }
  return secrets;
}
