import { GraphQLScalarType, Kind } from 'graphql';

/** A calendar date 'YYYY-MM-DD' (campaign windows, payment dates): never shifted by time zones. */
export const LocalDate = new GraphQLScalarType<string, string>({
  name: 'LocalDate',
  description: 'Date du calendrier au format AAAA-MM-JJ.',
  serialize: (value) => String(value),
  parseValue: (value) => parseLocalDate(value),
  parseLiteral: (ast) => (ast.kind === Kind.STRING ? parseLocalDate(ast.value) : invalid()),
});

function invalid(): never {
  throw new TypeError('Date attendue au format AAAA-MM-JJ.');
}

function parseLocalDate(value: unknown): string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) invalid();
  const date = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) invalid();
  return value;
}
