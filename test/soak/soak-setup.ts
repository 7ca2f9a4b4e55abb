/** The parties of the soak, signed in through the API, and the starting state of the records they will write. */
import { Client } from 'pg';
import { performance } from 'perf_hooks';
import type { SoakClient } from './soak-client';
import { ADMIN_EMAIL, ADMIN_PASSWORD, type SoakServices } from './soak-services';
import { profileRowValue } from './soak-observe';
import type { Party, ProfileTherapist, Workload } from './soak-workload';

const THERAPISTS_PER_CLIENT = 4;
const RECEIVERS = 12;
const PROVIDERS = 8;

/** Waits until the search outbox has nothing left to deliver (the initial index of the seeded directory). */
export async function waitForOutbox(pgUrl: string, seconds: number): Promise<void> {
  const db = new Client({ connectionString: pgUrl });
  await db.connect();
  try {
    const deadline = performance.now() + seconds * 1000;
    for (;;) {
      const [row] = (
        await db.query<{ n: number }>('SELECT count(*)::int AS n FROM search_outbox WHERE processed_at IS NULL')
      ).rows;
      if (row.n === 0) return;
      if (performance.now() > deadline) throw new Error(`the search outbox still holds ${row.n} rows`);
      await new Promise((r) => setTimeout(r, 500));
    }
  } finally {
    await db.end();
  }
}

export async function prepareWorkload(
  client: SoakClient,
  s: SoakServices,
  options: { clients: number; password: string; vocabulary: { conditionIds: string[]; techniqueIds: string[] } },
): Promise<Workload> {
  const db = new Client({ connectionString: s.pgUrl });
  await db.connect();
  try {
    // Receivers: therapists licensed (VERIFIED, unexpired) in the state of each of their locations.
    const receivers = (
      await db.query<{ id: string; email: string }>(
        `SELECT t.id, u.email FROM therapists t JOIN users u ON u.id = t.user_id
          WHERE EXISTS (SELECT 1 FROM practice_locations l WHERE l.therapist_id = t.id)
            AND NOT EXISTS (SELECT 1 FROM practice_locations l WHERE l.therapist_id = t.id AND NOT EXISTS (
                  SELECT 1 FROM licenses x WHERE x.therapist_id = t.id AND x.state = l.state
                     AND x.status = 'VERIFIED' AND x.expires_on > current_date))
          ORDER BY u.email LIMIT $1`,
        [RECEIVERS],
      )
    ).rows;
    const writers = (
      await db.query<{
        id: string;
        email: string;
        bio: string | null;
        accepting_new_patients: boolean;
        bills_insurance: boolean;
        languages: string[];
        condition_ids: string[];
        technique_ids: string[];
        address_line: string;
        city: string;
        state: string;
        postal_code: string;
      }>(
        `SELECT t.id, u.email, t.bio, t.accepting_new_patients, t.bills_insurance, t.languages, t.condition_ids,
                t.technique_ids, l.address_line, l.city, l.state, l.postal_code
           FROM therapists t JOIN users u ON u.id = t.user_id
           JOIN LATERAL (SELECT * FROM practice_locations l WHERE l.therapist_id = t.id ORDER BY l.id LIMIT 1) l ON true
          WHERE t.id <> ALL($1::uuid[]) ORDER BY u.email DESC LIMIT $2`,
        [receivers.map((r) => r.id), options.clients * THERAPISTS_PER_CLIENT],
      )
    ).rows;
    const providers = (
      await db.query<{ id: string; email: string }>(
        `SELECT p.id, u.email FROM providers p JOIN users u ON u.id = p.user_id
          WHERE p.npi_status = 'VERIFIED' ORDER BY u.email LIMIT $1`,
        [PROVIDERS],
      )
    ).rows;
    const admin = await client.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    const party = async (r: { id: string; email: string }): Promise<Party> => ({
      id: r.id,
      ...(await client.signIn(r.email, options.password)),
    });
    const registers: Workload['registers'] = new Map();
    const owned: ProfileTherapist[][] = Array.from({ length: options.clients }, () => []);
    for (const [i, r] of writers.entries()) {
      const { token } = await client.signIn(r.email, options.password);
      owned[i % options.clients].push({
        therapistId: r.id,
        token,
        place: { addressLine: r.address_line, city: r.city, state: r.state, postalCode: r.postal_code },
        locations: [],
        certifications: [],
        pendingLicenses: [],
      });
      registers.set(`profile ${r.id}`, { initial: profileRowValue(r), writes: [] });
    }
    const signedIn: Party[] = [];
    for (const r of receivers) signedIn.push(await party(r));
    const prescribers: Party[] = [];
    for (const r of providers) prescribers.push(await party(r));
    return {
      client,
      admin,
      vocabulary: options.vocabulary,
      owned,
      providers: prescribers,
      receivers: signedIn,
      registers,
      cases: [],
      apiUp: (api) => s.apis[api].up,
    };
  } finally {
    await db.end();
  }
}
