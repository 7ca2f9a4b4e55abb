import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validate, type ValidationError } from 'class-validator';
import { BadUserInputError, type FieldProblem } from '@mmn/errors';

function flatten(errors: ValidationError[], prefix: string): FieldProblem[] {
  return errors.flatMap((error) => {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ path, message }));
    return [...own, ...flatten(error.children ?? [], path)];
  });
}

/**
 * Paths of strings PostgreSQL and Meilisearch cannot take, each with the reason: NUL characters (text cannot store
 * them; the write failed as INTERNAL) and lone surrogates, half of a UTF-16 pair that is no character at all (a
 * search with one failed as SERVICE_UNAVAILABLE).
 */
function unstorable(value: unknown, path: string, depth = 0): FieldProblem[] {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) return [{ path, message: 'must not contain NUL characters' }];
    if (/\p{Cs}/u.test(value)) return [{ path, message: 'must be valid Unicode text (it holds a lone surrogate)' }];
    return [];
  }
  if (depth > 8 || value === null || typeof value !== 'object') return [];
  if (Array.isArray(value)) return value.flatMap((item, i) => unstorable(item, `${path}.${i}`, depth + 1));
  return Object.entries(value).flatMap(([key, item]) => unstorable(item, path ? `${path}.${key}` : key, depth + 1));
}

/** Whether a class declares validation rules; asked for every resolver argument, so remembered per class. */
const declaresRules = new WeakMap<object, boolean>();
function hasRules(type: object): boolean {
  let known = declaresRules.get(type);
  if (known === undefined) {
    known = getMetadataStorage().getTargetValidationMetadatas(type as new () => unknown, '', true, false).length > 0;
    declaresRules.set(type, known);
  }
  return known;
}

/** Validates class-validator decorated inputs; failures name each bad input path (e.g. "input.email"). */
@Injectable()
export class InputValidationPipe implements PipeTransform {
  async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const type = metadata.metatype;
    // GraphQL resolver arguments (@Args) reach pipes as 'body'; parents and context as 'custom'.
    if (metadata.type === 'body') {
      const bad = unstorable(value, metadata.data ?? '');
      if (bad.length > 0) throw new BadUserInputError(bad);
    }
    if (
      !type ||
      value === null ||
      value === undefined ||
      typeof value !== 'object' ||
      [String, Boolean, Number, Array, Object].includes(type as never)
    ) {
      return value;
    }
    // Only input classes that declare validation rules; parents of field resolvers and entities pass untouched.
    if (!hasRules(type)) return value;
    const instance = plainToInstance(type, value) as object;
    const errors = await validate(instance, { whitelist: true, forbidUnknownValues: false });
    if (errors.length > 0) {
      const problems = flatten(errors, metadata.data ?? '');
      throw new BadUserInputError(problems);
    }
    return instance;
  }
}
