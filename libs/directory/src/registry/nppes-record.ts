/** What the administrators' check needs from an NPPES NPI Registry (API 2.1) record. */
export interface RegistryRecord {
  npi: string;
  /** "Individual" (NPI-1) or "Organization" (NPI-2). */
  kind: 'INDIVIDUAL' | 'ORGANIZATION';
  name: string;
  active: boolean;
  primaryTaxonomy: { code: string; description: string; state: string | null } | null;
  /** The states of the record's practice-location addresses and taxonomy licenses. */
  states: string[];
}

interface NppesResult {
  number?: string | number;
  enumeration_type?: string;
  basic?: {
    first_name?: string;
    last_name?: string;
    credential?: string;
    organization_name?: string;
    status?: string;
  };
  taxonomies?: { code?: string; desc?: string; primary?: boolean; state?: string | null }[];
  addresses?: { address_purpose?: string; state?: string }[];
}

/** Reads one NPPES API answer: the record, null when the registry has no such NPI; throws on anything else. */
export function parseNppesAnswer(body: unknown): RegistryRecord | null {
  const answer = body as { result_count?: number; results?: NppesResult[]; Errors?: { description?: string }[] };
  if (Array.isArray(answer?.Errors)) {
    throw new Error(`the registry refused the look-up: ${answer.Errors.map((e) => e.description ?? '?').join('; ')}`);
  }
  if (!Array.isArray(answer?.results)) throw new Error('the registry answered in an unexpected format');
  const result = answer.results[0];
  if (!result) return null;
  const basic = result.basic ?? {};
  const organization = result.enumeration_type === 'NPI-2';
  const primary = (result.taxonomies ?? []).find((t) => t.primary) ?? result.taxonomies?.[0];
  const states = [
    ...(result.addresses ?? []).filter((a) => a.address_purpose === 'LOCATION').map((a) => a.state),
    ...(result.taxonomies ?? []).map((t) => t.state),
  ].filter((state): state is string => typeof state === 'string' && state.length === 2);
  return {
    npi: String(result.number ?? ''),
    kind: organization ? 'ORGANIZATION' : 'INDIVIDUAL',
    name: organization
      ? (basic.organization_name ?? '')
      : [basic.first_name, basic.last_name].filter(Boolean).join(' ') +
        (basic.credential ? `, ${basic.credential}` : ''),
    active: basic.status === 'A',
    primaryTaxonomy: primary?.code
      ? { code: primary.code, description: primary.desc ?? '', state: primary.state ?? null }
      : null,
    states: [...new Set(states.map((s) => s.toUpperCase()))].sort(),
  };
}

const nameWords = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/,.*$/, '')
    .split(/[^a-z]+/)
    .filter(
      (word) => word.length > 1 && !['dr', 'md', 'do', 'np', 'pa', 'dpt', 'dc', 'mr', 'mrs', 'ms'].includes(word),
    );

/** How the provider's own entries compare with the registry record (for the administrator, never automatic). */
export function compareWithRegistry(
  provider: { displayName: string; taxonomyCode: string | null; states: string[] },
  record: RegistryRecord,
): { nameMatches: boolean; taxonomyMatches: boolean | null; stateMatches: boolean | null; active: boolean } {
  const registryName = new Set(nameWords(record.name));
  const given = nameWords(provider.displayName);
  return {
    nameMatches: given.length > 0 && given.every((word) => registryName.has(word)),
    taxonomyMatches: provider.taxonomyCode ? provider.taxonomyCode === record.primaryTaxonomy?.code : null,
    stateMatches:
      provider.states.length > 0 ? provider.states.some((s) => record.states.includes(s.toUpperCase())) : null,
    active: record.active,
  };
}
