/**
 * How many rows a raw `DELETE ... RETURNING` removed. TypeORM's PostgreSQL driver answers a DELETE with
 * `[rows, rowCount]` rather than the rows alone, so `.length` would always read 2.
 */
export function deletedCount(result: unknown): number {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number')
    return result[1];
  return Array.isArray(result) ? result.length : 0;
}
