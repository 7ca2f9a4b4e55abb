import { PracticeLocation, Therapist } from '@mmn/directory';
import { conditionTerm, hsdsPage, toService } from './hsds.mappers';

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
    expect(service.service_at_locations[0].location.addresses[0]).toMatchObject({
      postal_code: '33131',
      country: 'US',
    });
  });
});
