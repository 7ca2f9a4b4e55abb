/** Today's calendar date (UTC) as YYYY-MM-DD, the form `date` columns are read in. */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
