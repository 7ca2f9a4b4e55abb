import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

export interface LocalSecrets {
  postgresPassword: string;
  meiliMasterKey: string;
  jwtSecret: string;
  /** ACCESS_CODE_KEY's format: version 1 and its secret. */
  accessCodeKey: string;
  /** PHI_KEY's format: `version:secret` entries, the highest version current. */
  phiKey: string;
}

const newSecret = () => randomBytes(48).toString('base64url');

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
    accessCodeKey: existing.accessCodeKey ?? `1:${newSecret()}`,
    phiKey: existing.phiKey ?? `1:${newSecret()}`,
  };
  if (JSON.stringify(existing) !== JSON.stringify(secrets)) writeSecrets(dataDir, secrets);
  return secrets;
}

/**
 * Embedded mode's `npm run keys:rotate`: a new, highest PHI_KEY version in front of the kept ones (old versions
 * stay listed so records not yet re-wrapped still open). Returns the new secrets.
 */
export function addPhiKeyVersion(dataDir: string): LocalSecrets {
  const secrets = loadOrCreateSecrets(dataDir);
  const versions = secrets.phiKey.split(',').map((entry) => Number(/^(\d+):/.exec(entry.trim())?.[1] ?? 1));
  const next = Math.max(...versions) + 1;
  const updated = { ...secrets, phiKey: `${next}:${newSecret()},${secrets.phiKey}` };
  writeSecrets(dataDir, updated);
  return updated;
}

function writeSecrets(dataDir: string, secrets: LocalSecrets): void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'secrets.json');
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  fs.renameSync(tmp, file);
}
