import { slugify } from './wording';

const UUID = /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** /therapists/olivia-rodriguez-<id>: the canonical profile path. */
export function profilePath(therapist: { id: string; displayName: string }): string {
  return `/therapists/${slugify(therapist.displayName)}-${therapist.id}`;
}

/** The id at the end of a profile path segment, or null. */
export function profileIdOf(segment: string): string | null {
  const match = UUID.exec(decodeURIComponent(segment));
  return match ? match[1].toLowerCase() : null;
}

export function statePath(state: string): string {
  return `/medical-massage/${state.toLowerCase()}`;
}

export function cityPath(city: string, state: string): string {
  return `${statePath(state)}/${slugify(city)}`;
}
