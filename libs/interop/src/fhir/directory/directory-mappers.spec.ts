import {
  Certification,
  License,
  NetworkMembership,
  PracticeLocation,
  Therapist,
  VerificationStatus,
} from '@mmn/directory';
import { NetworkKind } from '@mmn/reference-data';
import { toLocation } from './location.mapper';
import { allOrganizations } from './organization.mapper';
import { qualificationsOf, splitName, toPractitioner } from './practitioner.mapper';
import { toPractitionerRole } from './practitioner-role.mapper';
import { findQualification, toVerificationResult } from './verification-result.mapper';

const TODAY = '2026-03-01';
const verified = { status: VerificationStatus.VERIFIED, verifiedAt: new Date('2026-01-02T10:00:00Z') };

function therapist(): Therapist {
  const t = Object.assign(new Therapist(), {
    id: 't1',
    displayName: 'Ann Maria Example',
    credentialLetters: 'LMT, BCTMB',
    languages: ['en'],
    acceptingNewPatients: true,
    updatedAt: new Date('2026-02-01T00:00:00Z'),
  });
  const base = {
    therapistId: 't1',
    verificationSource: 'FL board lookup',
    createdAt: new Date('2025-12-01T00:00:00Z'),
  };
  t.licenses = [
    Object.assign(new License(), {
      ...base,
      ...verified,
      id: 'l-fl',
      state: 'FL',
      licenseNumber: 'MA1',
      issuedOn: '2024-01-01',
      expiresOn: '2027-01-01',
    }),
    Object.assign(new License(), {
      ...base,
      ...verified,
      id: 'l-ny-expired',
      state: 'NY',
      licenseNumber: 'NY1',
      issuedOn: null,
      expiresOn: '2026-02-28',
    }),
    Object.assign(new License(), {
      ...base,
      id: 'l-oh-pending',
      status: VerificationStatus.PENDING,
      state: 'OH',
      licenseNumber: 'OH1',
      issuedOn: null,
      expiresOn: '2027-01-01',
      verifiedAt: null,
    }),
    Object.assign(new License(), {
      ...base,
      id: 'l-ga-rejected',
      status: VerificationStatus.REJECTED,
      state: 'GA',
      licenseNumber: 'GA1',
      issuedOn: null,
      expiresOn: '2027-01-01',
      verifiedAt: new Date(),
    }),
  ];
  t.certifications = [
    Object.assign(new Certification(), {
      ...base,
      ...verified,
      id: 'c-mld',
      name: 'MLD',
      issuer: 'Klose',
      issuedOn: '2025-01-01',
      expiresOn: null,
    }),
  ];
  t.networkMemberships = [
    Object.assign(new NetworkMembership(), {
      ...base,
      ...verified,
      id: 'm1',
      networkId: 'aetna',
      effectiveFrom: '2025-01-01',
      effectiveTo: null,
    }),
    Object.assign(new NetworkMembership(), {
      ...base,
      ...verified,
      id: 'm2',
      networkId: 'humana',
      effectiveFrom: '2025-01-01',
      effectiveTo: '2026-01-01',
    }),
  ];
  const location = (id: string, state: string) =>
    Object.assign(new PracticeLocation(), {
      id,
      therapistId: 't1',
      label: null,
      addressLine: '1 Main St',
      city: 'Town',
      state,
      postalCode: '33131',
      latitude: 25.7,
      longitude: -80.2,
    });
  t.locations = [location('loc-fl', 'FL'), location('loc-ny', 'NY')];
  return t;
}

describe('Plan-Net directory mappers', () => {
  it('splits a display name into family and given names', () => {
    expect(splitName('Ann Maria Example')).toEqual({ family: 'Example', given: ['Ann', 'Maria'] });
    expect(splitName('Cher')).toEqual({ family: 'Cher', given: [] });
  });

  it('lists only verified, current credentials as qualifications, each with the fixed active status', () => {
    const qualifications = qualificationsOf(therapist(), TODAY);
    expect(qualifications.map((q) => q.id)).toEqual(['l-fl', 'c-mld']);
    for (const q of qualifications) {
      const ext = q.extension!.find((e) => e.url.endsWith('/practitioner-qualification'))!;
      expect(ext.extension).toContainEqual({ url: 'status', valueCode: 'active' });
    }
    expect(qualifications[0].extension![0].extension).toContainEqual({
      url: 'whereValid',
      valueCodeableConcept: { coding: [{ system: 'https://www.usps.com/', code: 'FL' }] },
    });
    expect(qualifications[0].issuer!.display).toBe('Florida massage therapy licensing board');
  });

  it('maps a Practitioner with profile, active, name and languages', () => {
    const p = toPractitioner(therapist(), TODAY);
    expect(p).toMatchObject({
      resourceType: 'Practitioner',
      id: 't1',
      active: true,
      name: [{ family: 'Example', given: ['Ann', 'Maria'], suffix: ['LMT', 'BCTMB'] }],
      communication: [{ coding: [{ system: 'urn:ietf:bcp:47', code: 'en' }] }],
    });
    expect(p.meta!.profile![0]).toMatch(/plannet-Practitioner$/);
  });

  it('maps a PractitionerRole at licensed locations only, with NUCC specialty, newpatients and current networks', () => {
    const role = toPractitionerRole(therapist(), TODAY)!;
    expect(role.location!.map((l) => l.reference)).toEqual(['Location/loc-fl']);
    expect(role.specialty![0].coding![0]).toEqual({
      system: 'http://nucc.org/provider-taxonomy',
      code: '225700000X',
      display: 'Massage Therapist',
    });
    const networks = role.extension!.filter((e) => e.url.endsWith('/network-reference'));
    expect(networks.map((e) => e.valueReference!.reference)).toEqual(['Organization/aetna']);
    const newPatients = role.extension!.find((e) => e.url.endsWith('/newpatients'))!;
    expect(newPatients.extension![0].valueCodeableConcept!.coding![0].code).toBe('newpt');
  });

  it('has no PractitionerRole for a therapist without a verified license of a location’s state', () => {
    const t = therapist();
    t.licenses = t.licenses.filter((l) => l.state !== 'FL');
    expect(toPractitionerRole(t, TODAY)).toBeNull();
  });

  it('maps a Location with address and position', () => {
    const t = therapist();
    expect(toLocation(t.locations[0], t)).toMatchObject({
      resourceType: 'Location',
      status: 'active',
      address: { line: ['1 Main St'], city: 'Town', state: 'FL', postalCode: '33131', country: 'US' },
      position: { latitude: 25.7, longitude: -80.2 },
    });
  });

  it('maps each network to a Plan-Net Network part of its owning organization', () => {
    const orgs = allOrganizations([
      { id: 'aetna', name: 'Aetna', kind: NetworkKind.HEALTH_PLAN },
      { id: 'trihealth', name: 'TriHealth', kind: NetworkKind.HEALTH_SYSTEM },
    ]);
    expect(orgs.map((o) => [o.id, o.type![0].coding![0].code, o.partOf?.reference])).toEqual([
      ['aetna', 'ntwk', 'Organization/org-aetna'],
      ['org-aetna', 'payer', undefined],
      ['trihealth', 'ntwk', 'Organization/org-trihealth'],
      ['org-trihealth', 'prvgrp', undefined],
    ]);
  });

  it('maps verification to an NDH VerificationResult: validated, req-revalid once expired, none when not verified', () => {
    const t = therapist();
    const valid = toVerificationResult(t, findQualification(t, 'l-fl')!, TODAY)!;
    expect(valid).toMatchObject({
      status: 'validated',
      target: [{ reference: 'Practitioner/t1' }],
      validationType: { coding: [{ code: 'primary' }] },
      nextScheduled: '2027-01-01',
      primarySource: [{ who: { display: 'FL board lookup' } }],
    });
    expect(valid.need).toBeDefined();
    expect(valid.statusDate).toBe('2026-01-02T10:00:00.000Z');
    expect(toVerificationResult(t, findQualification(t, 'l-ny-expired')!, TODAY)!.status).toBe('req-revalid');
    expect(toVerificationResult(t, findQualification(t, 'l-oh-pending')!, TODAY)).toBeNull();
    expect(toVerificationResult(t, findQualification(t, 'l-ga-rejected')!, TODAY)).toBeNull();
  });
});
