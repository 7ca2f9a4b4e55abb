import { BadRequestException, type PipeTransform } from '@nestjs/common';
import { Args, Int } from '@nestjs/graphql';
import { BadUserInputError } from '@mmn/errors';

class PageSizePipe implements PipeTransform<number | null | undefined, number> {
  constructor(
    private readonly defaultValue: number,
    private readonly max: number,
  ) {}

  transform(value: number | null | undefined): number {
    if (value === null || value === undefined) return this.defaultValue;
    if (!Number.isInteger(value) || value < 1 || value > this.max)
      throw BadUserInputError.field('first', `must be 1 to ${this.max}`);
    return value;
  }
}

/**
 * The one bounded page argument: `first: Int` (optional, `defaultValue` when omitted or null), refused with
 * BAD_USER_INPUT on field `first` outside 1..max.
 */
export function PageSize(options: { defaultValue: number; max: number; description?: string }): ParameterDecorator {
  if (options.defaultValue < 1 || options.defaultValue > options.max) throw new BadRequestException('bad page size');
  return Args(
    'first',
    { type: () => Int, nullable: true, defaultValue: options.defaultValue, description: options.description },
    new PageSizePipe(options.defaultValue, options.max),
  );
}
