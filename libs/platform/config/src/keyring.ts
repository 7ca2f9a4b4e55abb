import { ConfigError } from './config-error';

/**
 * Versioned secrets: the current version signs or derives new values, every listed version still verifies or
 * re-derives old ones. Written `2:newsecret,1:oldsecret` (a bare secret is version 1).
 */
export interface Keyring {
  current: number;
  keys: Record<number, string>;
}

export function parseKeyring(variable: string, value: string, minLength = 32): Keyring {
  const keys: Record<number, string> = {};
  for (const entry of value.split(',').map((part) => part.trim())) {
    const match = /^(?:(\d{1,6}):)?(.+)$/.exec(entry);
    const version = match?.[1] === undefined ? 1 : Number(match[1]);
    const secret = match?.[2] ?? '';
    if (!match || version < 1) throw new ConfigError(variable, 'must be "version:secret" entries, versions from 1');
    if (secret.length < minLength) throw new ConfigError(variable, `secrets must be at least ${minLength} characters`);
    if (keys[version] !== undefined) throw new ConfigError(variable, `lists version ${version} twice`);
    keys[version] = secret;
  }
  return { current: Math.max(...Object.keys(keys).map(Number)), keys };
}
