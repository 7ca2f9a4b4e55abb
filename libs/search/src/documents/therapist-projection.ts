import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { loadTherapists, type Therapist } from '@mmn/directory';
import { ReferenceDataService } from '@mmn/reference-data';
import type { VocabularyNames } from './therapist-document';

/** Reads what the index needs: therapists with the relations their public document is built from. */
@Injectable()
export class TherapistProjection {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly referenceData: ReferenceDataService,
  ) {}

  /** Visible (not suspended) therapists among `ids`, with locations, licenses and memberships, in one batch. */
  async load(ids: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<Therapist[]> {
    return loadTherapists(manager, ids, { visibleOnly: true });
  }

  /** Ids of every visible therapist, in pages, for a full rebuild. */
  async *allIds(pageSize = 2000): AsyncGenerator<string[]> {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = await this.dataSource.query<{ id: string }[]>(
        'SELECT id FROM therapists WHERE suspended_at IS NULL AND id > $1 ORDER BY id LIMIT $2',
        [after, pageSize],
      );
      if (rows.length === 0) return;
      yield rows.map((r) => r.id);
      after = rows[rows.length - 1].id;
    }
  }

  async vocabulary(): Promise<VocabularyNames> {
    const [conditions, techniques] = await Promise.all([
      this.referenceData.conditions(),
      this.referenceData.techniques(),
    ]);
    return {
      conditions: new Map(conditions.map((c) => [c.id, { name: c.name, synonyms: c.synonyms }])),
      techniques: new Map(techniques.map((t) => [t.id, { name: t.name, synonyms: t.synonyms }])),
    };
  }
}
