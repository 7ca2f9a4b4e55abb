import { Global, Module } from '@nestjs/common';
import { NEARBY_THERAPISTS } from '@mmn/directory';
import { ReferenceDataModule } from '@mmn/reference-data';
import { TherapistProjection } from './documents/therapist-projection';
import { CredentialExpirySweep } from './indexing/credential-expiry-sweep.job';
import { ReindexService } from './indexing/reindex.service';
import { TherapistIndex } from './indexing/therapist-index';
import { SearchOutboxWorker } from './outbox/search-outbox.worker';
import { EngineNearbyTherapists } from './query/engine-nearby-therapists';
import { IndexVersion } from './query/index-version';
import { PlaceSuggestionsResolver } from './query/place-suggestions.resolver';
import { TherapistSearchResolver } from './query/therapist-search.resolver';
import { EngineQuery } from './query/engine-query';
import { TherapistSearchService } from './query/therapist-search.service';
import { SearchEngine } from './search-engine';

@Global()
@Module({
  imports: [ReferenceDataModule],
  providers: [
    SearchEngine,
    IndexVersion,
    TherapistProjection,
    TherapistIndex,
    SearchOutboxWorker,
    ReindexService,
    CredentialExpirySweep,
    EngineQuery,
    TherapistSearchService,
    TherapistSearchResolver,
    PlaceSuggestionsResolver,
    EngineNearbyTherapists,
    { provide: NEARBY_THERAPISTS, useExisting: EngineNearbyTherapists },
  ],
  exports: [SearchEngine, TherapistIndex, SearchOutboxWorker, ReindexService, CredentialExpirySweep, NEARBY_THERAPISTS],
})
export class SearchModule {}
