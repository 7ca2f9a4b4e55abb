import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses YYYY-MM-DD strictly (no rollover: 2025-02-30 is refused). */
export function parseCalendarDate(value: string): string | null {
  const match = DATE.exec(value);
  if (!match) return null;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value ? value : null;
}

function parse(value: unknown): string {
  const parsed = typeof value === 'string' ? parseCalendarDate(value) : null;
  if (parsed === null) {
    throw new GraphQLError('Date must be a calendar date in the form YYYY-MM-DD.', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return parsed;
}

/** ISO-8601 calendar date, carried as a "YYYY-MM-DD" string inside the server. */
export const GraphQLDate = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'ISO-8601 calendar date, YYYY-MM-DD',
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10)),
  parseValue: parse,
  parseLiteral: (ast) => parse(ast.kind === Kind.STRING ? ast.value : undefined),
});
