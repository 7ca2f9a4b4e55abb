import type { Therapist } from '@mmn/directory';
import { DOCUMENT_FIELDS, therapistDocuments, type VocabularyNames } from './therapist-document';

const vocabulary: VocabularyNames = {
  conditions: new Map([['lymphedema', { name: 'Lymphedema', synonyms: ['lymphoedema'] }]]),
  techniques: new Map([['manual-lymphatic-drainage', { name: 'Manual lymphatic drainage', synonyms: ['MLD'] }]]),
};

function therapist(overrides: Record<string, unknown> = {}): Therapist {
  return {
    id: 't1',
    userId: 'u1',
    displayName: 'Ana',
    credentialLetters: 'LMT',
    bio: 'Medical massage',
    languages: ['en'],
    practiceContexts: ['MEDICAL'],
    treatmentIntentions: ['CLINICAL'],
    acceptingNewPatients: true,
    billsInsurance: true,
    conditionIds: ['lymphedema'],
    techniqueIds: ['manual-lymphatic-drainage'],
    referringProviders: 2,
    completedReferrals: 5,
    endorsementCount: 1,
    suspendedAt: null,
    suspensionReason: null,
    locations: [
      { id: 'l2', state: 'FL', city: 'Miami', postalCode: '33130', latitude: 25.77, longitude: -80.19 },
      { id: 'l1', state: 'OH', city: 'Cincinnati', postalCode: '45202', latitude: 39.1, longitude: -84.5 },
    ],
    licenses: [{ state: 'FL', status: 'VERIFIED', expiresOn: '2027-06-30' }],
    networkMemberships: [
      { networkId: 'florida-blue', status: 'VERIFIED', effectiveFrom: '2024-01-01', effectiveTo: null },
      { networkId: 'aetna', status: 'PENDING', effectiveFrom: '2024-01-01', effectiveTo: null },
      { networkId: 'cigna', status: 'VERIFIED', effectiveFrom: '2024-01-01', effectiveTo: '2025-01-01' },
    ],
    certifications: [],
    ...overrides,
  } as unknown as Therapist;
}

describe('therapistDocuments', () => {
  it('makes one document per practice location, all for the same therapist', () => {
    const docs = therapistDocuments(therapist(), vocabulary, '2026-11-28');
    expect(docs.map((d) => [d.id, d.therapistId, d.city, d.postalCode])).toEqual([
      ['t1_0', 't1', 'Cincinnati', '45202'],
      ['t1_1', 't1', 'Miami', '33130'],
    ]);
  });

  it('counts only verified, current network memberships', () => {
    expect(therapistDocuments(therapist(), vocabulary, '2026-11-28')[0].networkIds).toEqual(['florida-blue']);
  });

  it('carries verified and the last day it holds', () => {
    const [doc] = therapistDocuments(therapist(), vocabulary, '2026-11-28');
    expect(doc).toMatchObject({ verified: true, verifiedThrough: 20270630 });
    const [lapsed] = therapistDocuments(therapist(), vocabulary, '2027-07-01');
    expect(lapsed).toMatchObject({ verified: false, verifiedThrough: 0 });
  });

  it('marks only the location in the state of the license as licensed (the FL license does not cover Cincinnati, OH)', () => {
    const docs = therapistDocuments(therapist(), vocabulary, '2026-11-28');
    expect(docs.map((d) => [d.city, d.licenseVerified, d.licensedThrough])).toEqual([
      ['Cincinnati', false, 0],
      ['Miami', true, 20270630],
    ]);
    const lapsed = therapistDocuments(therapist(), vocabulary, '2027-07-01');
    expect(lapsed.map((d) => d.licenseVerified)).toEqual([false, false]);
  });

  it('adds the vocabulary names and patient words for text search', () => {
    const [doc] = therapistDocuments(therapist(), vocabulary, '2026-11-28');
    expect(doc).toMatchObject({
      conditionNames: ['Lymphedema'],
      conditionTerms: ['lymphoedema'],
      techniqueTerms: ['MLD'],
    });
  });

  it('holds only allow-listed public fields, whatever else the loaded record carries', () => {
    const loaded = therapist({
      userId: 'secret-user',
      suspensionReason: 'internal note',
      referrals: [
        {
          patient: { fullName: 'Jane Patient', dateOfBirth: '1970-01-01' },
          prescription: { diagnosisCodes: ['I89.0'] },
        },
      ],
      user: { email: 'ana@example.org', passwordHash: 'x' },
    });
    for (const doc of therapistDocuments(loaded, vocabulary, '2026-11-28')) {
      expect(Object.keys(doc).every((key) => (DOCUMENT_FIELDS as readonly string[]).includes(key))).toBe(true);
      const text = JSON.stringify(doc);
      for (const secret of ['secret-user', 'internal note', 'Jane Patient', '1970-01-01', 'I89.0', 'ana@example.org'])
        expect(text).not.toContain(secret);
    }
  });

  it('makes one document without a place for a therapist with no location yet', () => {
    const docs = therapistDocuments(therapist({ locations: [] }), vocabulary, '2026-11-28');
    expect(docs).toHaveLength(1);
    expect(docs[0].postalCode).toBeNull();
    expect(docs[0].verified).toBe(false);
  });
});
