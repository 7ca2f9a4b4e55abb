const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are uuids; anything else cannot exist, so it answers NOT_FOUND (or null) without reaching the database. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
