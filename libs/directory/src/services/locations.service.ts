import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { NotFoundError } from '@mmn/errors';
import type { Principal } from '@mmn/identity';
import { type PracticeLocationInput } from '../dto/practice-location.input';
import { PracticeLocation } from '../entities/practice-location.entity';
import { recordChanges } from '../rules/change-log';
import { geocodeLocation } from '../rules/geocode-location';
import { isUuid } from '@mmn/shared';
import { lockOwnTherapist, publicProfileChanged } from './therapist-records';

export const LOCATION_FIELDS = [
  'label',
  'addressLine',
  'city',
  'state',
  'postalCode',
  'latitude',
  'longitude',
] as const;

/** Told, inside the transaction, that a therapist's set of locations changed (the referrals lib's local counts). */
export type TherapistLocationsListener = (manager: EntityManager, therapistId: string) => Promise<void>;

/** A therapist's practice locations, geocoded offline from their ZIP code. */
@Injectable()
export class LocationsService {
  private readonly listeners: TherapistLocationsListener[] = [];

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  onLocationsChanged(listener: TherapistLocationsListener): void {
    this.listeners.push(listener);
  }

  private async changed(manager: EntityManager, therapistId: string): Promise<void> {
    for (const listener of this.listeners) await listener(manager, therapistId);
    await publicProfileChanged(manager, therapistId);
  }

  async add(principal: Principal, input: PracticeLocationInput): Promise<PracticeLocation> {
    const geocoded = geocodeLocation(input, 'input');
    return this.dataSource.transaction(async (manager) => {
      const therapist = await lockOwnTherapist(manager, principal);
      const location = await manager.save(
        manager.create(PracticeLocation, { ...geocoded, therapistId: therapist.id, providerId: null }),
      );
      await recordChanges(
        manager,
        { actorId: principal.userId, therapistId: therapist.id, entity: 'PracticeLocation', entityId: location.id },
        null,
        location,
        LOCATION_FIELDS,
      );
      await this.changed(manager, therapist.id);
      return location;
    });
  }

  /** Own locations only: another therapist's location answers NOT_FOUND, as one that does not exist. */
  async remove(principal: Principal, id: string): Promise<boolean> {
    if (!isUuid(id)) throw new NotFoundError('Practice location');
    return this.dataSource.transaction(async (manager) => {
      const therapist = await lockOwnTherapist(manager, principal);
      const location = await manager.findOneBy(PracticeLocation, { id, therapistId: therapist.id });
      if (!location) throw new NotFoundError('Practice location');
      await manager.delete(PracticeLocation, { id: location.id });
      await recordChanges(
        manager,
        { actorId: principal.userId, therapistId: therapist.id, entity: 'PracticeLocation', entityId: location.id },
        location,
        null,
        LOCATION_FIELDS,
      );
      await this.changed(manager, therapist.id);
      return true;
    });
  }
}
