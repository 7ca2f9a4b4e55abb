// Every migration, in order. Listed explicitly so the runtime and the CLI see the same set.
import { Foundation1764300000000 } from './1764300000000-Foundation';
import { Directory1764300100000 } from './1764300100000-Directory';
import { Referrals1764300200000 } from './1764300200000-Referrals';
import { RenewalSnapshots1764300300000 } from './1764300300000-RenewalSnapshots';
import { ListingProblemReports1796144582948 } from './1796144582948-ListingProblemReports';
import { RateLimits1796144903024 } from './1796144903024-RateLimits';
import { FhirExportJobs1796146047904 } from './1796146047904-FhirExportJobs';
import { AccessCodeKeyVersion1796146200884 } from './1796146200884-AccessCodeKeyVersion';
import { ProviderVerification1796146586614 } from './1796146586614-ProviderVerification';
import { ListingProblemResolution1796147407801 } from './1796147407801-ListingProblemResolution';
import { PhiEncryption1796147905101 } from './1796147905101-PhiEncryption';
import { AuditRetention1796148163789 } from './1796148163789-AuditRetention';
import { ReferralTransfers1796149217535 } from './1796149217535-ReferralTransfers';
import { CredentialReminders1796150865612 } from './1796150865612-CredentialReminders';
import { LocalReputation1796152000000 } from './1796152000000-LocalReputation';
import { LocationPositionIndex1796153000000 } from './1796153000000-LocationPositionIndex';
import { SearchByZip1796154000000 } from './1796154000000-SearchByZip';

export const MIGRATIONS = [
  Foundation1764300000000,
  Directory1764300100000,
  Referrals1764300200000,
  RenewalSnapshots1764300300000,
  ListingProblemReports1796144582948,
  RateLimits1796144903024,
  FhirExportJobs1796146047904,
  AccessCodeKeyVersion1796146200884,
  ProviderVerification1796146586614,
  ListingProblemResolution1796147407801,
  PhiEncryption1796147905101,
  AuditRetention1796148163789,
  ReferralTransfers1796149217535,
  CredentialReminders1796150865612,
  LocalReputation1796152000000,
  LocationPositionIndex1796153000000,
  SearchByZip1796154000000,
];
