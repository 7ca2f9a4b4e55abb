/**
 * What the system holds after the run, read for the checks: the database (through the soak's own connection), the
 * search index (every document, straight from Meilisearch) and the SMTP sink.
 */
import { performance } from 'perf_hooks';
import type { DataSource } from 'typeorm';
import { loadTherapists } from '@mmn/directory';
import { Condition, Technique } from '@mmn/reference-data';
import { referralMail } from '@mmn/referrals';
import { DOCUMENT_FIELDS, therapistDocuments, type VocabularyNames } from '@mmn/search';
import { canonicalJson, compareIndex, type Register, type ReferralCase } from './soak-checks';
import type { ReceivedMail, SoakServices } from './soak-services';
import { PUBLIC_URL } from './soak-services';
import { profileValue, type Workload } from './soak-workload';

const NOTIFICATION_KINDS = [
  'CREATED',
  'CLAIMED',
  'SENT',
  'ACCEPTED',
  'DECLINED',
  'VISIT_RECORDED',
  'PROGRESS_NOTE',
  'RENEWED',
  'COMPLETED',
  'CANCELLED',
  'EXPIRED',
];

const pick = (doc: Record<string, unknown>) =>
  canonicalJson(Object.fromEntries(DOCUMENT_FIELDS.map((f) => [f, doc[f]]).filter(([, v]) => v !== undefined)));

async function vocabulary(ds: DataSource): Promise<VocabularyNames> {
  const [conditions, techniques] = await Promise.all([
    ds.getRepository(Condition).find(),
    ds.getRepository(Technique).find(),
  ]);
  return {
    conditions: new Map(conditions.map((c) => [c.id, { name: c.name, synonyms: c.synonyms }])),
    techniques: new Map(techniques.map((t) => [t.id, { name: t.name, synonyms: t.synonyms }])),
  };
}

/** The projection of every visible therapist row: document id -> canonical document. */
export async function expectedDocuments(ds: DataSource): Promise<Map<string, string>> {
  const names = await vocabulary(ds);
  const ids = (await ds.query<{ id: string }[]>('SELECT id FROM therapists ORDER BY id')).map((r) => r.id);
  const out = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 500) {
    const therapists = await loadTherapists(ds.manager, ids.slice(i, i + 500), { visibleOnly: true });
    for (const t of therapists) for (const doc of therapistDocuments(t, names)) out.set(doc.id, pick({ ...doc }));
  }
  return out;
}

/** Every document of the live index, straight from Meilisearch. */
export async function indexedDocuments(s: SoakServices): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let offset = 0; ; offset += 1000) {
    const res = await fetch(`${s.meiliUrl}/indexes/${s.indexName}/documents?limit=1000&offset=${offset}`, {
      headers: { authorization: `Bearer ${s.masterKey}` },
    });
    if (!res.ok) throw new Error(`Meilisearch answered ${res.status} for the documents`);
    const page = (await res.json()) as { results: Record<string, unknown>[]; total: number };
    for (const doc of page.results) out.set(String(doc.id), pick(doc));
    if (page.results.length < 1000) return out;
  }
}

export interface IndexConvergence {
  seconds: number;
  documents: number;
  lost: number;
  stale: number;
  phantom: number;
  examples: string[];
}

/** Compares index and database until they agree or `limitSeconds` pass; returns the last comparison. */
export async function waitForIndex(ds: DataSource, s: SoakServices, limitSeconds: number): Promise<IndexConvergence> {
  const started = performance.now();
  for (;;) {
    const expected = await expectedDocuments(ds);
    const actual = await indexedDocuments(s).catch(() => new Map<string, string>());
    const diff = compareIndex(expected, actual);
    const seconds = (performance.now() - started) / 1000;
    const agreed = diff.lost.length + diff.stale.length + diff.phantom.length === 0;
    if (agreed || seconds > limitSeconds)
      return {
        seconds,
        documents: expected.size,
        lost: diff.lost.length,
        stale: diff.stale.length,
        phantom: diff.phantom.length,
        examples: [
          ...diff.lost.slice(0, 3).map((id) => `lost ${id}`),
          ...diff.stale.slice(0, 3).map((id) => `stale ${id}: index ${actual.get(id)} vs database ${expected.get(id)}`),
          ...diff.phantom.slice(0, 3).map((id) => `phantom ${id}`),
        ],
      };
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/** The registers with what the database holds for each. */
export async function storedRegisters(ds: DataSource, w: Workload): Promise<Register[]> {
  const stored = new Map<string, string>();
  const presence = (n: number) => (n === 0 ? 'absent' : n === 1 ? 'present' : `present x${n}`);
  const profileIds = w.owned.flat().map((t) => t.therapistId);
  const profiles = await ds.query<
    {
      id: string;
      bio: string | null;
      accepting_new_patients: boolean;
      bills_insurance: boolean;
      languages: string[];
      condition_ids: string[];
      technique_ids: string[];
    }[]
  >(
    `SELECT id, bio, accepting_new_patients, bills_insurance, languages, condition_ids, technique_ids
       FROM therapists WHERE id = ANY($1::uuid[])`,
    [profileIds],
  );
  for (const p of profiles) stored.set(`profile ${p.id}`, profileRowValue(p));
  const counted = async (sql: string, prefix: string) => {
    for (const r of await ds.query<{ key: string; n: number }[]>(sql)) stored.set(`${prefix} ${r.key}`, presence(r.n));
  };
  await counted(
    `SELECT label AS key, count(*)::int AS n FROM practice_locations WHERE label LIKE 'Soak location %' GROUP BY label`,
    'location',
  );
  await counted(
    `SELECT license_number AS key, count(*)::int AS n FROM licenses WHERE license_number LIKE 'SOAK%' GROUP BY 1`,
    'license',
  );
  await counted(
    `SELECT name AS key, count(*)::int AS n FROM certifications WHERE name LIKE 'Soak cert %' GROUP BY name`,
    'certification',
  );
  for (const r of await ds.query<{ key: string; status: string }[]>(
    `SELECT license_number AS key, min(status) AS status FROM licenses WHERE license_number LIKE 'SOAK%' GROUP BY 1 HAVING count(*) = 1`,
  ))
    stored.set(`license-status ${r.key}`, r.status);
  return [...w.registers].map(([key, r]) => ({
    key,
    initial: r.initial,
    writes: r.writes,
    stored: stored.get(key) ?? 'absent',
  }));
}

export function profileRowValue(p: {
  bio: string | null;
  accepting_new_patients: boolean;
  bills_insurance: boolean;
  languages: string[];
  condition_ids: string[];
  technique_ids: string[];
}): string {
  return profileValue({
    bio: p.bio,
    acceptingNewPatients: p.accepting_new_patients,
    billsInsurance: p.bills_insurance,
    languages: p.languages,
    conditionIds: p.condition_ids,
    techniqueIds: p.technique_ids,
  });
}

/** Fills each referral case with its rows: referrals of its idempotency key, visits and the timeline. */
export async function storedReferrals(ds: DataSource, w: Workload): Promise<ReferralCase[]> {
  for (const c of w.cases) {
    const referrals = await ds.query<
      { id: string; status: string; visits_used: number; visits_authorized: number; visits: number }[]
    >(
      `SELECT r.id, r.status, r.visits_used, r.visits_authorized,
              (SELECT count(*)::int FROM visits v WHERE v.referral_id = r.id) AS visits
         FROM referrals r WHERE r.provider_id = $1 AND r.idempotency_key = $2`,
      [c.providerId, c.key],
    );
    c.stored.referrals = referrals.map((r) => ({
      id: r.id,
      status: r.status,
      visitsUsed: r.visits_used,
      visitsAuthorized: r.visits_authorized,
      visits: r.visits,
    }));
    c.stored.events =
      referrals.length === 0
        ? []
        : (
            await ds.query<{ type: string; from_status: string | null; to_status: string | null }[]>(
              'SELECT type, from_status, to_status FROM referral_events WHERE referral_id = $1 ORDER BY at, id',
              [referrals[0].id],
            )
          ).map((e) => ({ type: e.type, fromStatus: e.from_status, toStatus: e.to_status }));
  }
  return w.cases;
}

/** Audit rows by request id, for the soak's requests. */
export async function auditRows(ds: DataSource, prefix: string): Promise<Map<string, number>> {
  const rows = await ds.query<{ request_id: string; n: number }[]>(
    `SELECT request_id, count(*)::int AS n FROM audit_log WHERE request_id LIKE $1 GROUP BY request_id`,
    [`${prefix}%`],
  );
  return new Map(rows.map((r) => [r.request_id, r.n]));
}

/** Notifications in the database as "recipient|kind|referral", and how many are not sent yet. */
export async function notifications(ds: DataSource): Promise<{ keys: string[]; unsent: number }> {
  const rows = await ds.query<{ email: string; kind: string; referral_id: string | null; sent: boolean }[]>(
    `SELECT lower(u.email) AS email, o.kind, o.referral_id, o.sent_at IS NOT NULL AS sent
       FROM notification_outbox o JOIN users u ON u.id = o.recipient_user_id`,
  );
  return { keys: rows.map((r) => `${r.email}|${r.kind}|${r.referral_id}`), unsent: rows.filter((r) => !r.sent).length };
}

/** Received messages as "recipient|kind|referral", the kind told by the subject the product writes for it. */
export function receivedKeys(mail: readonly ReceivedMail[]): string[] {
  const settings = { publicUrl: PUBLIC_URL, from: 'x@soak.example' };
  const kindOf = new Map(NOTIFICATION_KINDS.map((k) => [referralMail('x', k, null, settings).subject, k]));
  return mail.map((m) => {
    const referral = /\/referrals\/([0-9a-f-]{36})/.exec(m.text)?.[1] ?? null;
    return `${m.to}|${kindOf.get(m.subject) ?? `? ${m.subject}`}|${referral}`;
  });
}
