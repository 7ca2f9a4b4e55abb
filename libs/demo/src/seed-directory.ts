import { randomUUID } from 'crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { DemoProvider, DemoTherapist, DemoVocabulary } from './demo-directory';

/** The vocabulary a generated directory draws from, as the migrations loaded it (ids in order, so seeds repeat). */
export async function readVocabulary(db: DataSource | EntityManager): Promise<DemoVocabulary> {
  const ids = async (table: 'conditions' | 'techniques' | 'networks') =>
    (await db.query<{ id: string }[]>(`SELECT id FROM ${table} ORDER BY id`)).map((r) => r.id);
  return {
    conditionIds: await ids('conditions'),
    techniqueIds: await ids('techniques'),
    networkIds: await ids('networks'),
  };
}

async function insertRows(manager: EntityManager, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  const chunk = Math.floor(60_000 / columns.length);
  for (let start = 0; start < rows.length; start += chunk) {
    const slice = rows.slice(start, start + chunk);
    const params: unknown[] = [];
    const values = slice.map((row) => `(${row.map((value) => (params.push(value), `$${params.length}`)).join(', ')})`);
    await manager.query(
      `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${values.join(', ')}`,
      params,
    );
  }
}

/**
 * Writes generated therapists and providers (with accounts sharing one password hash) in one transaction,
 * and queues every therapist for the search index.
 */
export async function seedDirectory(
  dataSource: DataSource,
  input: { therapists: DemoTherapist[]; providers: DemoProvider[]; passwordHash: string; verifierId?: string },
): Promise<void> {
  await dataSource.transaction(async (manager) => {
    const users: unknown[][] = [];
    const therapists: unknown[][] = [];
    const locations: unknown[][] = [];
    const licenses: unknown[][] = [];
    const certifications: unknown[][] = [];
    const memberships: unknown[][] = [];
    const providers: unknown[][] = [];
    const outbox: unknown[][] = [];
    const verifiedAt = new Date();
    const verification = (status: string) =>
      status === 'PENDING'
        ? [status, null, null, null, null]
        : [status, verifiedAt, input.verifierId ?? null, 'State board online license lookup (demo data)', null];
    for (const t of input.therapists) {
      const userId = randomUUID();
      const therapistId = randomUUID();
      users.push([userId, t.email, 'THERAPIST', t.displayName, input.passwordHash]);
      therapists.push([
        therapistId,
        userId,
        t.displayName,
        t.credentialLetters,
        t.bio,
        t.languages,
        t.practiceContexts,
        t.treatmentIntentions,
        t.acceptingNewPatients,
        t.billsInsurance,
        t.conditionIds,
        t.techniqueIds,
      ]);
      for (const l of t.locations) {
        locations.push([
          randomUUID(),
          therapistId,
          l.label,
          l.addressLine,
          l.place.city,
          l.place.state,
          l.place.zip,
          l.place.latitude,
          l.place.longitude,
        ]);
      }
      for (const l of t.licenses)
        licenses.push([
          randomUUID(),
          therapistId,
          l.state,
          l.licenseNumber,
          l.issuedOn,
          l.expiresOn,
          ...verification(l.status),
        ]);
      for (const c of t.certifications)
        certifications.push([
          randomUUID(),
          therapistId,
          c.name,
          c.issuer,
          c.issuedOn,
          c.expiresOn,
          ...verification(c.status),
        ]);
      for (const m of t.memberships)
        memberships.push([randomUUID(), therapistId, m.networkId, m.issuedOn, m.expiresOn, ...verification(m.status)]);
      outbox.push([therapistId]);
    }
    for (const p of input.providers) {
      const userId = randomUUID();
      const providerId = randomUUID();
      users.push([userId, p.email, 'PROVIDER', p.displayName, input.passwordHash]);
      // The demo's prescribers are verified, so they can send referrals and count toward reputation at once.
      providers.push([
        providerId,
        userId,
        p.displayName,
        p.npi,
        p.taxonomyCode,
        p.specialty,
        p.organization,
        'VERIFIED',
        verifiedAt,
        verifiedAt,
        input.verifierId ?? null,
        'NPPES NPI Registry (demo data)',
      ]);
      const l = p.location;
      locations.push([
        randomUUID(),
        null,
        l.label,
        l.addressLine,
        l.place.city,
        l.place.state,
        l.place.zip,
        l.place.latitude,
        l.place.longitude,
        providerId,
      ]);
    }
    const verificationColumns = ['status', 'verified_at', 'verified_by', 'verification_source', 'verification_note'];
    const locationColumns = [
      'id',
      'therapist_id',
      'label',
      'address_line',
      'city',
      'state',
      'postal_code',
      'latitude',
      'longitude',
    ];
    await insertRows(manager, 'users', ['id', 'email', 'role', 'display_name', 'password_hash'], users);
    await insertRows(
      manager,
      'therapists',
      [
        'id',
        'user_id',
        'display_name',
        'credential_letters',
        'bio',
        'languages',
        'practice_contexts',
        'treatment_intentions',
        'accepting_new_patients',
        'bills_insurance',
        'condition_ids',
        'technique_ids',
      ],
      therapists,
    );
    await insertRows(
      manager,
      'providers',
      [
        'id',
        'user_id',
        'display_name',
        'npi',
        'taxonomy_code',
        'specialty',
        'organization',
        'npi_status',
        'npi_submitted_at',
        'npi_verified_at',
        'npi_verified_by',
        'npi_verification_source',
      ],
      providers,
    );
    await insertRows(
      manager,
      'practice_locations',
      locationColumns,
      locations.filter((l) => l.length === 9),
    );
    await insertRows(
      manager,
      'practice_locations',
      [...locationColumns, 'provider_id'],
      locations.filter((l) => l.length === 10),
    );
    await insertRows(
      manager,
      'licenses',
      ['id', 'therapist_id', 'state', 'license_number', 'issued_on', 'expires_on', ...verificationColumns],
      licenses,
    );
    await insertRows(
      manager,
      'certifications',
      ['id', 'therapist_id', 'name', 'issuer', 'issued_on', 'expires_on', ...verificationColumns],
      certifications,
    );
    await insertRows(
      manager,
      'network_memberships',
      ['id', 'therapist_id', 'network_id', 'effective_from', 'effective_to', ...verificationColumns],
      memberships,
    );
    await insertRows(manager, 'search_outbox', ['therapist_id'], outbox);
  });
}
