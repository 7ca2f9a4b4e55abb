/** class-transformer `@Transform` functions for GraphQL inputs, one of each for every lib. */
type Transformed = { value: unknown };

const each = (value: unknown, map: (item: string) => string) =>
  Array.isArray(value) ? value.map((item) => (typeof item === 'string' ? map(item) : item)) : value;

export const trim = ({ value }: Transformed) => (typeof value === 'string' ? value.trim() : value);

export const trimUpper = ({ value }: Transformed) => (typeof value === 'string' ? value.trim().toUpperCase() : value);

/** Trims each string of a list and drops the ones left empty. */
export const trimEach = ({ value }: Transformed) => {
  const trimmed = each(value, (item) => item.trim());
  return Array.isArray(trimmed) ? trimmed.filter((item) => item !== '') : trimmed;
};

export const upperEach = ({ value }: Transformed) => each(value, (item) => item.trim().toUpperCase());

export const lowerEach = ({ value }: Transformed) => each(value, (item) => item.trim().toLowerCase());
