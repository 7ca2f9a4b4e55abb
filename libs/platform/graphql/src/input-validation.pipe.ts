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

/** Paths of strings holding NUL characters, which PostgreSQL text cannot store (the write would fail as INTERNAL). */
function nulPaths(value: unknown, path: string, depth = 0): string[] {
  if (typeof value === 'string') return value.includes('\u0000') ? [path] : [];
  if (depth > 8 || value === null || typeof value !== 'object') return [];
  if (Array.isArray(value)) return value.flatMap((item, i) => nulPaths(item, `${path}.${i}`, depth + 1));
  return Object.entries(value).flatMap(([key, item]) => nulPaths(item, path ? `${path}.${key}` : key, depth + 1));
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
      const bad = nulPaths(value, metadata.data ?? '');
      if (bad.length > 0)
        throw new BadUserInputError(bad.map((path) => ({ path, message: 'must not contain NUL characters' })));
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
