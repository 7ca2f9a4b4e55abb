import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectRepository } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { In, type Repository } from 'typeorm';
import { License } from '../entities/license.entity';
import { PracticeLocation } from '../entities/practice-location.entity';
import { isLocationLicensed } from '../rules/therapist-verification';

/** Computed fields of PracticeLocation; the therapists' licenses are batch-loaded once per request. */
@Resolver(() => PracticeLocation)
export class PracticeLocationFieldsResolver {
  private readonly licenseLoaders = new WeakMap<object, DataLoader<string, License[]>>();

  constructor(@InjectRepository(License) private readonly licenses: Repository<License>) {}

  @ResolveField(() => Boolean, {
    description: "The therapist holds a VERIFIED, unexpired license of this location's state",
  })
  async licenseVerified(@Parent() location: PracticeLocation, @Context('req') req: object | undefined) {
    if (!location.therapistId) return false;
    const key = req ?? location;
    let loader = this.licenseLoaders.get(key);
    if (!loader) {
      loader = new DataLoader((ids: readonly string[]) => this.load(ids));
      this.licenseLoaders.set(key, loader);
    }
    return isLocationLicensed(await loader.load(location.therapistId), location.state);
  }

  private async load(therapistIds: readonly string[]): Promise<License[][]> {
    const found = await this.licenses.find({ where: { therapistId: In([...therapistIds]) } });
    return therapistIds.map((id) => found.filter((license) => license.therapistId === id));
  }
}
