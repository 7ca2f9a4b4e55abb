import { profilePath } from '../../../../lib/paths';
import { stateName } from '../../../../lib/wording';
import type { Profile } from './queries';

/** schema.org for the profile: a ProfilePage about a Person with credentials, practising at MedicalBusinesses. */
export function profileJsonLd(t: Profile, origin: string): object[] {
  const url = `${origin}${profilePath(t)}`;
  const person = {
    '@type': 'Person',
    '@id': `${url}#person`,
    name: t.displayName,
    ...(t.credentialLetters ? { honorificSuffix: t.credentialLetters } : {}),
    ...(t.bio ? { description: t.bio } : {}),
    jobTitle: 'Massage therapist',
    knowsLanguage: t.languages,
    url,
    hasCredential: t.licenses
      .filter((l) => l.verification.status === 'VERIFIED')
      .map((l) => ({
        '@type': 'EducationalOccupationalCredential',
        credentialCategory: 'license',
        name: `${stateName(l.state)} massage therapy license ${l.licenseNumber}`,
        recognizedBy: {
          '@type': 'Organization',
          name: l.verification.source ?? `${stateName(l.state)} licensing board`,
        },
        validIn: { '@type': 'AdministrativeArea', name: stateName(l.state) },
        expires: l.expiresOn,
      })),
    workLocation: t.locations.map((location) => ({ '@id': `${url}#location-${location.id}` })),
  };
  const businesses = t.locations.map((location) => ({
    '@type': 'MedicalBusiness',
    '@id': `${url}#location-${location.id}`,
    name: location.label ?? `${t.displayName}, ${location.city}`,
    address: {
      '@type': 'PostalAddress',
      streetAddress: location.addressLine,
      addressLocality: location.city,
      addressRegion: location.state,
      postalCode: location.postalCode,
      addressCountry: 'US',
    },
    geo: { '@type': 'GeoCoordinates', latitude: location.latitude, longitude: location.longitude },
  }));
  const first = t.locations[0];
  const crumbs = [
    { name: 'Home', item: `${origin}/` },
    ...(first
      ? [{ name: stateName(first.state), item: `${origin}/medical-massage/${first.state.toLowerCase()}` }]
      : []),
    { name: t.displayName, item: url },
  ];
  return [
    {
      '@context': 'https://schema.org',
      '@type': 'ProfilePage',
      url,
      dateModified: t.updatedAt,
      mainEntity: person,
    },
    ...businesses.map((business) => ({ '@context': 'https://schema.org', ...business })),
    {
      '@context': 'https://schema.org',
      '@type': 'BreadcrumbList',
      itemListElement: crumbs.map((crumb, i) => ({ '@type': 'ListItem', position: i + 1, ...crumb })),
    },
  ];
}

/** JSON for a <script> element: "<" escaped so no text in it can close the element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
