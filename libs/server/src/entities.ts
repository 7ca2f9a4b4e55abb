import { AUDIT_ENTITIES } from '@mmn/audit';
import { DIRECTORY_ENTITIES } from '@mmn/directory';
import { IDENTITY_ENTITIES } from '@mmn/identity';
import { INTEROP_ENTITIES } from '@mmn/interop';
import { REFERENCE_DATA_ENTITIES } from '@mmn/reference-data';
import { REFERRAL_ENTITIES } from '@mmn/referrals';

/** Every TypeORM entity of the system; the migration drift check compares these with the migrations. */
export const ALL_ENTITIES = [
  ...IDENTITY_ENTITIES,
  ...REFERENCE_DATA_ENTITIES,
  ...DIRECTORY_ENTITIES,
  ...AUDIT_ENTITIES,
  ...REFERRAL_ENTITIES,
  ...INTEROP_ENTITIES,
];
