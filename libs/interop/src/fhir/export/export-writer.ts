import { once } from 'events';
import { createWriteStream } from 'fs';
import type { Resource } from '@medplum/fhirtypes';
import type { DirectoryReadModel } from '@mmn/directory';
import type { Network } from '@mmn/reference-data';
import { todayIso } from '@mmn/shared';
import { toLocation } from '../directory/location.mapper';
import { allOrganizations } from '../directory/organization.mapper';
import { toPractitioner } from '../directory/practitioner.mapper';
import { licensedLocations, toPractitionerRole } from '../directory/practitioner-role.mapper';
import { findQualification, toVerificationResult } from '../directory/verification-result.mapper';
import type { Therapist } from '@mmn/directory';
import type { ExportFile } from './export-job.entity';

export const EXPORT_TYPES = ['Practitioner', 'PractitionerRole', 'Location', 'Organization', 'VerificationResult'];
const BATCH = 1000;

/** The resources of one type a therapist contributes to the directory export. */
export function resourcesOf(type: string, therapist: Therapist, today: string): Resource[] {
  switch (type) {
    case 'Practitioner':
      return [toPractitioner(therapist, today)];
    case 'PractitionerRole': {
      const role = toPractitionerRole(therapist, today);
      return role ? [role] : [];
    }
    case 'Location':
      return licensedLocations(therapist, today).map((location) => toLocation(location, therapist));
    case 'VerificationResult':
      return [...therapist.licenses, ...therapist.certifications].flatMap(
        (c) => toVerificationResult(therapist, findQualification(therapist, c.id)!, today) ?? [],
      );
    default:
      return [];
  }
}

/**
 * Writes one NDJSON file per type, walking the directory one batch of therapists at a time (memory stays one batch
 * whatever the directory's size); `alive` is called between batches (heartbeat) and may throw to stop.
 */
export async function writeExport(
  directory: DirectoryReadModel,
  networks: readonly Network[],
  types: string[],
  since: Date | null,
  fileOf: (type: string) => string,
  alive: () => Promise<void>,
): Promise<ExportFile[]> {
  const streams = new Map(types.map((type) => [type, createWriteStream(fileOf(type))]));
  const counts = new Map(types.map((type) => [type, 0]));
  const write = async (type: string, resource: Resource) => {
    const stream = streams.get(type)!;
    counts.set(type, counts.get(type)! + 1);
    if (!stream.write(`${JSON.stringify(resource)}\n`)) await once(stream, 'drain');
  };
  try {
    // Networks change only through migrations: they have no "since" of their own and are always exported whole.
    if (streams.has('Organization')) for (const org of allOrganizations(networks)) await write('Organization', org);
    const therapistTypes = types.filter((type) => type !== 'Organization');
    let after: string | null = null;
    if (therapistTypes.length > 0) {
      do {
        const batch = await directory.batch(after, BATCH, { since: since ?? undefined });
        const today = todayIso();
        for (const therapist of batch.therapists)
          for (const type of therapistTypes)
            for (const resource of resourcesOf(type, therapist, today)) await write(type, resource);
        after = batch.next;
        await alive();
      } while (after);
    }
  } finally {
    await Promise.all([...streams.values()].map((stream) => new Promise((resolve) => stream.end(resolve))));
  }
  return types.map((type) => ({ type, count: counts.get(type)! }));
}
