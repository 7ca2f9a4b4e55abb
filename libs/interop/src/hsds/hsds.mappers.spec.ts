import { PracticeLocation, Therapist } from '@mmn/directory';
import { conditionTerm, hsdsPage, nameUuid, TAXONOMIES, termId, toService } from './hsds.mappers';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('HSDS mappers', () => {
  it('wraps a page as HSDS does', () => {
    expect(hsdsPage(['a'], 3, 2, 1)).toEqual({
      total_items: 3,
      total_pages: 3,
      page_number: 2,
      size: 1,
      first_page: false,
      last_page: false,
      empty: false,
      contents: ['a'],
    });
    expect(hsdsPage([], 0, 1, 20)).toMatchObject({ total_pages: 1, first_page: true, last_page: true, empty: true });
  });

  it('derives name-based (version 5) UUIDs, stable and distinct', () => {
    // RFC 9562's DNS namespace example name, as other implementations (Python's uuid.uuid5) give it.
    expect(nameUuid('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
    expect(termId('conditions', 'sciatica')).toMatch(UUID);
    expect(termId('conditions', 'sciatica')).toBe(termId('conditions', 'sciatica'));
    expect(termId('conditions', 'sciatica')).not.toBe(termId('techniques', 'sciatica'));
    expect(TAXONOMIES.map((x) => x.id)).toEqual([expect.stringMatching(UUID), expect.stringMatching(UUID)]);
  });

  it('maps a practice to a service with taxonomy attributes and its locations', () => {
    const therapist = Object.assign(new Therapist(), {
      id: 't1',
      displayName: 'Ann Example',
      credentialLetters: 'LMT',
      bio: null,
      languages: ['en'],
      conditionIds: ['carpal-tunnel-syndrome', 'unknown'],
      techniqueIds: [],
      updatedAt: new Date('2026-01-01T00:00:00Z'),
    });
    const location = Object.assign(new PracticeLocation(), {
      id: 'l1',
      label: null,
      addressLine: '1 Main St',
      city: 'Miami',
      state: 'FL',
      postalCode: '33131',
      latitude: 25.7,
      longitude: -80.2,
    });
    const term = conditionTerm({
      id: 'carpal-tunnel-syndrome',
      name: 'Carpal tunnel syndrome',
      icd10Codes: ['G56.00'],
      synonyms: [],
    });
    const service = toService(therapist, [location], new Map([[term.id, term]]));
    expect(service).toMatchObject({
      id: 't1',
      organization_id: 't1',
      name: 'Ann Example, LMT',
      status: 'active',
      last_modified: '2026-01-01T00:00:00.000Z',
    });
    expect(service.attributes.map((a) => a.taxonomy_term.code)).toEqual(['carpal-tunnel-syndrome']);
    expect(term).toMatchObject({ id: termId('conditions', 'carpal-tunnel-syndrome'), taxonomy_id: TAXONOMIES[0].id });
    expect(service.attributes[0]).toMatchObject({ taxonomy_term_id: term.id, link_id: 't1', link_entity: 'service' });
    expect(service.attributes[0].id).toMatch(UUID);
    expect(service.languages[0].id).toMatch(UUID);
    expect(toService(therapist, [location], new Map([[term.id, term]])).attributes[0].id).toBe(
      service.attributes[0].id,
    );
    expect(service.service_at_locations[0].location.addresses[0]).toMatchObject({
      postal_code: '33131',
      country: 'US',
    });
  });
});
