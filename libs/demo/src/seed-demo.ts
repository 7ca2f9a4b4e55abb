import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { UsersService } from '@mmn/identity';
import { ReferenceDataService } from '@mmn/reference-data';
import { Role } from '@mmn/shared';
import { generateProviders, generateTherapists } from './demo-directory';
import { seedDirectory } from './seed-directory';

export const DEMO_PASSWORD = 'demo-massage-network-2026';
export const DEMO_ACCOUNTS = {
  admin: 'admin@demo.example',
  therapist: 'therapist@demo.example',
  provider: 'provider@demo.example',
  patient: 'patient@demo.example',
} as const;

/**
 * The embedded default's demo directory (about 300 therapists in 30 metro areas, 60 providers) and four
 * demo accounts. Runs once: it is skipped when the demo admin already exists.
 */
export async function seedDemo(app: INestApplication): Promise<{ seeded: boolean }> {
  const users = app.get(UsersService);
  const dataSource = app.get(DataSource);
  const [{ count }] = await dataSource.query<{ count: number }[]>(
    `SELECT count(*)::int AS count FROM users WHERE email = $1`,
    [DEMO_ACCOUNTS.admin],
  );
  if (count > 0) return { seeded: false };
  const admin = await users.ensureAdmin(DEMO_ACCOUNTS.admin, DEMO_PASSWORD, 'Demo Administrator');
  await users.register({
    email: DEMO_ACCOUNTS.therapist,
    password: DEMO_PASSWORD,
    role: Role.THERAPIST,
    displayName: 'Demo Therapist',
  });
  await users.register({
    email: DEMO_ACCOUNTS.provider,
    password: DEMO_PASSWORD,
    role: Role.PROVIDER,
    displayName: 'Dr. Demo Provider',
  });
  await users.register({
    email: DEMO_ACCOUNTS.patient,
    password: DEMO_PASSWORD,
    role: Role.PATIENT,
    displayName: 'Demo Patient',
  });
  const reference = app.get(ReferenceDataService);
  const vocabulary = {
    conditionIds: (await reference.conditions()).map((c) => c.id),
    techniqueIds: (await reference.techniques()).map((t) => t.id),
    networkIds: (await reference.networks()).map((n) => n.id),
  };
  const [{ password_hash: passwordHash }] = await dataSource.query<{ password_hash: string }[]>(
    `SELECT password_hash FROM users WHERE id = $1`,
    [admin.id],
  );
  await seedDirectory(dataSource, {
    therapists: generateTherapists(300, 20261128, vocabulary),
    providers: generateProviders(60, 20261128),
    // Generated demo accounts share the demo password (one argon2id hash, so seeding stays fast).
    passwordHash,
    verifierId: admin.id,
  });
  await completeDemoProfiles(dataSource, admin.id);
  return { seeded: true };
}

/** The demo therapist practises in Miami with a verified Florida license; the demo provider has a valid NPI. */
async function completeDemoProfiles(dataSource: DataSource, adminId: string): Promise<void> {
  await dataSource.transaction(async (m) => {
    await m.query(
      `UPDATE therapists SET credential_letters = 'LMT, BCTMB', bio = 'Demo therapist: medical massage for lymphedema and shoulder rehabilitation.',
         languages = '{en,es}', practice_contexts = '{MEDICAL}', treatment_intentions = '{CLINICAL}', accepting_new_patients = true,
         bills_insurance = true, condition_ids = '{lymphedema,adhesive-capsulitis}', technique_ids = '{manual-lymphatic-drainage,myofascial-release}'
       WHERE user_id = (SELECT id FROM users WHERE email = $1)`,
      [DEMO_ACCOUNTS.therapist],
    );
    const [therapist] = await m.query<{ id: string }[]>(
      `SELECT t.id FROM therapists t JOIN users u ON u.id = t.user_id WHERE u.email = $1`,
      [DEMO_ACCOUNTS.therapist],
    );
    // At the ZIP code's centroid, as geocodeLocation places every location (search relies on it).
    await m.query(
      `INSERT INTO practice_locations (therapist_id, label, address_line, city, state, postal_code, latitude, longitude)
       VALUES ($1, 'Brickell clinic', '1200 Brickell Avenue', 'Miami', 'FL', '33131', 25.7629, -80.1895)`,
      [therapist.id],
    );
    await m.query(
      `INSERT INTO licenses (therapist_id, state, license_number, issued_on, expires_on, status, verified_at, verified_by, verification_source)
       VALUES ($1, 'FL', 'MA99001', current_date - 400, current_date + 500, 'VERIFIED', now(), $2, 'Florida Board of Massage Therapy online lookup')`,
      [therapist.id, adminId],
    );
    await m.query(`INSERT INTO search_outbox (therapist_id) VALUES ($1)`, [therapist.id]);
    await m.query(
      `UPDATE providers SET npi = '1234567893', taxonomy_code = '207RP1001X', specialty = 'Pulmonary Disease', organization = 'Demo Asthma & Allergy Center',
              npi_status = 'VERIFIED', npi_submitted_at = now(), npi_verified_at = now(), npi_verified_by = $2,
              npi_verification_source = 'NPPES NPI Registry (demo data)'
       WHERE user_id = (SELECT id FROM users WHERE email = $1)`,
      [DEMO_ACCOUNTS.provider, adminId],
    );
  });
}
