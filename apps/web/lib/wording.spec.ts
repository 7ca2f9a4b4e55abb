import { distanceText, practiceText, reputationText, slugify, verificationText } from './wording';

describe('wording', () => {
  it('says distances in miles', () => {
    expect(distanceText(null)).toBeNull();
    expect(distanceText(0.05)).toBe('less than 0.1 miles away');
    expect(distanceText(1.609344)).toBe('1 mile away');
    expect(distanceText(3.2)).toBe('2 miles away');
    expect(distanceText(5)).toBe('3.1 miles away');
    expect(distanceText(40)).toBe('25 miles away');
  });

  it('puts reputation in words, local doctors first, leaving out what is zero', () => {
    const facts = { localArea: 'Miami', completedReferrals: 0, endorsements: 0 };
    expect(
      reputationText({
        ...facts,
        referringProviders: 4,
        localReferringProviders: 4,
        completedReferrals: 12,
        endorsements: 2,
      }),
    ).toBe('Referred by 4 Miami-area providers · 12 completed referrals · 2 endorsements');
    expect(reputationText({ ...facts, referringProviders: 6, localReferringProviders: 1, completedReferrals: 1 })).toBe(
      'Referred by 1 Miami-area provider (6 in all) · 1 completed referral',
    );
    expect(reputationText({ ...facts, referringProviders: 2, localReferringProviders: 0 })).toBe(
      'Referred by 2 providers, none in the Miami area',
    );
    expect(reputationText({ ...facts, localArea: null, referringProviders: 1, localReferringProviders: 0 })).toBe(
      'Referred by 1 provider',
    );
    expect(reputationText({ ...facts, referringProviders: 0, localReferringProviders: 0 })).toBe(
      'No referrals through the network yet',
    );
  });

  it('says what was verified, against what and when', () => {
    expect(
      verificationText({
        state: 'FL',
        verification: {
          status: 'VERIFIED',
          source: 'Florida Board of Massage Therapy online lookup',
          verifiedAt: '2026-11-02T10:00:00.000Z',
        },
      }),
    ).toBe('Florida license verified against the Florida Board of Massage Therapy on 2026-11-02');
    expect(
      verificationText({ state: 'ny', verification: { status: 'VERIFIED', source: null, verifiedAt: null } }),
    ).toBe('New York license verified by our staff');
    expect(verificationText({ state: 'FL', verification: { status: 'PENDING' } })).toBeNull();
  });

  it('describes the practice and makes URL slugs', () => {
    expect(practiceText(['MEDICAL', 'WELLNESS'], true)).toBe('Medical massage · Wellness massage · Bills insurance');
    expect(slugify('Olivia Rodríguez, LMT')).toBe('olivia-rodriguez-lmt');
    expect(slugify('<script>')).toBe('script');
    expect(slugify('!!!')).toBe('therapist');
  });
});
