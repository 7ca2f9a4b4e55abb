import { Inject, Injectable, Optional } from '@nestjs/common';
import type { Organization, Resource, VerificationResult } from '@medplum/fhirtypes';
import {
  type DirectoryCriteria,
  type DirectoryHits,
  DirectoryReadModel,
  NEARBY_THERAPISTS,
  type NearbyTherapists,
  type Therapist,
} from '@mmn/directory';
import { BadUserInputError, NotFoundError } from '@mmn/errors';
import { ReferenceDataService } from '@mmn/reference-data';
import { todayIso } from '@mmn/shared';
import { MASSAGE_THERAPIST, SYSTEMS } from '../fhir-constants';
import type { SearchPage } from '../search/bundle';
import {
  anyOf,
  parseDateBounds,
  parseNear,
  parseSearch,
  parseToken,
  type ParsedSearch,
  type RawQuery,
  referenceId,
  single,
} from '../search/search-params';
import { DIRECTORY_SEARCHES, type DirectoryType } from './directory-search.definitions';
import { toLocation } from './location.mapper';
import { allOrganizations } from './organization.mapper';
import { toPractitioner } from './practitioner.mapper';
import { licensedLocations, currentNetworkIds, toPractitionerRole } from './practitioner-role.mapper';
import { findQualification, toVerificationResult } from './verification-result.mapper';

const bare = (value: string) => value;
const nonNull = <T>(value: T | null): value is T => value !== null;

/**
 * The public directory in FHIR: reads and Plan-Net searches over the directory's read model. Practitioner covers
 * every visible (not suspended) therapist, with only verified, current qualifications; PractitionerRole and Location
 * cover verified therapists at their licensed locations only; Organization covers the networks and their owners.
 */
@Injectable()
export class FhirDirectoryService {
  constructor(
    private readonly directory: DirectoryReadModel,
    private readonly referenceData: ReferenceDataService,
    @Optional() @Inject(NEARBY_THERAPISTS) private readonly nearby: NearbyTherapists | null,
  ) {}

  async read(type: DirectoryType, id: string): Promise<Resource> {
    const found = await this.find(type, id);
    if (!found) throw new NotFoundError(`${type}/${id}`);
    return found;
  }

  async search(
    type: DirectoryType,
    query: RawQuery,
    lenient: boolean,
  ): Promise<{ search: ParsedSearch; page: SearchPage }> {
    const search = parseSearch(query, DIRECTORY_SEARCHES[type], lenient);
    switch (type) {
      case 'Practitioner':
        return { search, page: await this.practitioners(search) };
      case 'PractitionerRole':
        return { search, page: await this.roles(search) };
      case 'Location':
        return { search, page: await this.locations(search) };
      case 'Organization':
        return { search, page: await this.organizations(search) };
      case 'VerificationResult':
        return { search, page: await this.verifications(search) };
    }
  }

  private async find(type: DirectoryType, id: string): Promise<Resource | null> {
    switch (type) {
      case 'Practitioner': {
        const [therapist] = await this.directory.load([id]);
        return therapist ? toPractitioner(therapist) : null;
      }
      case 'PractitionerRole': {
        const [therapist] = await this.directory.load([id]);
        return therapist ? toPractitionerRole(therapist) : null;
      }
      case 'Location': {
        const owner = await this.directory.therapistOfLocation(id);
        const [therapist] = owner ? await this.directory.load([owner]) : [];
        const location = therapist && licensedLocations(therapist).find((l) => l.id === id);
        return location ? toLocation(location, therapist) : null;
      }
      case 'Organization':
        return (await this.allOrganizations()).find((o) => o.id === id) ?? null;
      case 'VerificationResult': {
        const owner = await this.directory.therapistOfCredential(id);
        const [therapist] = owner ? await this.directory.load([owner]) : [];
        const qualification = therapist && findQualification(therapist, id);
        return qualification ? toVerificationResult(therapist, qualification) : null;
      }
    }
  }

  private page(search: ParsedSearch) {
    return { offset: search.offset, limit: search.count };
  }

  private common(search: ParsedSearch): DirectoryCriteria {
    const criteria: DirectoryCriteria = {};
    const ids = anyOf(search, '_id', bare);
    if (ids) criteria.therapistIds = ids;
    const updated = search.values.get('_lastUpdated');
    if (updated) criteria.updated = updated.flatMap((ors) => ors.flatMap((v) => parseDateBounds('_lastUpdated', v)));
    return criteria;
  }

  private async practitioners(search: ParsedSearch): Promise<SearchPage> {
    const criteria: DirectoryCriteria = {
      ...this.common(search),
      name: single(search, 'name'),
      family: single(search, 'family'),
      given: single(search, 'given'),
    };
    const hits = await this.directory.findTherapists(criteria, this.page(search));
    const therapists = await this.directory.load(hits.ids);
    const today = todayIso();
    const includes = search.revinclude.includes('PractitionerRole:practitioner')
      ? therapists.map((t) => toPractitionerRole(t, today)).filter(nonNull)
      : [];
    return { matches: therapists.map((t) => toPractitioner(t, today)), includes, total: hits.total };
  }

  private async roles(search: ParsedSearch): Promise<SearchPage> {
    const specialties = anyOf(search, 'specialty', bare);
    const massage = (value: string) => {
      const { system, code } = parseToken(value);
      return code === MASSAGE_THERAPIST.code && (system === undefined || system === SYSTEMS.nucc);
    };
    if (specialties && !specialties.some(massage)) return { matches: [], includes: [], total: 0 };
    const criteria = this.common(search);
    const practitioners = anyOf(search, 'practitioner', (v) => referenceId(v, 'Practitioner'));
    if (practitioners)
      criteria.therapistIds = criteria.therapistIds
        ? criteria.therapistIds.filter((id) => practitioners.includes(id))
        : practitioners;
    criteria.locationIds = anyOf(search, 'location', (v) => referenceId(v, 'Location'));
    criteria.networkIds = anyOf(search, 'network', (v) => referenceId(v, 'Organization'));
    criteria.city = single(search, 'location.address-city');
    criteria.state = single(search, 'location.address-state');
    criteria.postalCode = single(search, 'location.address-postalcode');
    const near = single(search, 'location.near');
    if (near) criteria.near = parseNear('location.near', near);
    const hits = await this.listedTherapists(criteria, search);
    const therapists = await this.directory.load(hits.ids);
    const today = todayIso();
    const matches = therapists.map((t) => toPractitionerRole(t, today)).filter(nonNull);
    return { matches, includes: await this.roleIncludes(search, therapists, today), total: hits.total };
  }

  /** A plain near-search (a point, perhaps networks) from the search engine when it answers; anything else SQL. */
  private async listedTherapists(
    criteria: DirectoryCriteria,
    search: ParsedSearch,
  ): Promise<Pick<DirectoryHits, 'ids' | 'total'>> {
    const { near, networkIds, ...rest } = criteria;
    const plain = Object.values(rest).every((value) => value === undefined);
    if (near && plain && this.nearby) {
      const found = await this.nearby.find({ ...near, networkIds: networkIds ?? null, ...this.page(search) });
      if (found) return found;
    }
    return this.directory.findListedTherapists(criteria, this.page(search));
  }

  private async roleIncludes(search: ParsedSearch, therapists: Therapist[], today: string): Promise<Resource[]> {
    const includes: Resource[] = [];
    if (search.include.includes('PractitionerRole:practitioner'))
      includes.push(...therapists.map((t) => toPractitioner(t, today)));
    if (search.include.includes('PractitionerRole:location'))
      includes.push(...therapists.flatMap((t) => licensedLocations(t, today).map((l) => toLocation(l, t))));
    if (search.include.includes('PractitionerRole:network')) {
      const wanted = new Set(therapists.flatMap((t) => currentNetworkIds(t, today)));
      includes.push(...(await this.allOrganizations()).filter((o) => wanted.has(o.id!)));
    }
    return includes;
  }

  private async locations(search: ParsedSearch): Promise<SearchPage> {
    const { therapistIds, ...criteria } = this.common(search);
    if (therapistIds) criteria.locationIds = therapistIds;
    criteria.city = single(search, 'address-city');
    criteria.state = single(search, 'address-state');
    criteria.postalCode = single(search, 'address-postalcode');
    const near = single(search, 'near');
    if (near) criteria.near = parseNear('near', near);
    const hits = await this.directory.findListedLocations(criteria, this.page(search));
    const therapists = new Map((await this.directory.load(hits.owners ?? [])).map((t) => [t.id, t]));
    const matches = hits.ids.flatMap((id, index) => {
      const therapist = therapists.get(hits.owners![index]);
      const location = therapist?.locations.find((l) => l.id === id);
      return therapist && location ? [toLocation(location, therapist)] : [];
    });
    const includes = search.revinclude.includes('PractitionerRole:location')
      ? [...therapists.values()].map((t) => toPractitionerRole(t)).filter(nonNull)
      : [];
    return { matches, includes, total: hits.total };
  }

  private async organizations(search: ParsedSearch): Promise<SearchPage> {
    const ids = anyOf(search, '_id', bare);
    const name = single(search, 'name')?.toLowerCase();
    const types = anyOf(search, 'type', (v) => parseToken(v).code);
    const matching = (await this.allOrganizations()).filter(
      (o) =>
        (!ids || ids.includes(o.id!)) &&
        (!name ||
          o
            .name!.toLowerCase()
            .split(/[\s()/]+/)
            .some((word) => word.startsWith(name))) &&
        (!types || types.includes(o.type![0].coding![0].code!)),
    );
    const matches = matching.slice(search.offset, search.offset + search.count);
    return { matches, includes: [], total: matching.length };
  }

  private async verifications(search: ParsedSearch): Promise<SearchPage> {
    const ids = anyOf(search, '_id', bare);
    const targets = anyOf(search, 'target', (v) => referenceId(v, 'Practitioner'));
    if (!ids && !targets) throw BadUserInputError.field('target', 'search verifications by target or _id');
    const owners =
      targets ?? (await Promise.all(ids!.map((id) => this.directory.therapistOfCredential(id)))).filter(nonNull);
    const therapists = await this.directory.load([...new Set(owners)].slice(0, 100));
    const results: VerificationResult[] = therapists.flatMap((therapist) =>
      [...therapist.licenses, ...therapist.certifications]
        .filter((c) => !ids || ids.includes(c.id))
        .map((c) => toVerificationResult(therapist, findQualification(therapist, c.id)!))
        .filter(nonNull),
    );
    return {
      matches: results.slice(search.offset, search.offset + search.count),
      includes: [],
      total: results.length,
    };
  }

  private async allOrganizations(): Promise<Organization[]> {
    return allOrganizations(await this.referenceData.networks());
  }
}
