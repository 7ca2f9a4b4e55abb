import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import { trimEach } from '@mmn/shared';

/**
 * A list of short free texts (goals, precautions, body regions): each trimmed, blanks dropped, at most `itemMax`
 * characters each and `max` items; `min` items when given, with the message that says what is missing.
 */
export function TextList(options: { itemMax: number; max: number; min?: { count: number; message: string } }) {
  return applyDecorators(
    Transform(trimEach),
    IsString({ each: true }),
    MaxLength(options.itemMax, { each: true }),
    ...(options.min ? [ArrayMinSize(options.min.count, { message: options.min.message })] : []),
    ArrayMaxSize(options.max),
  );
}

/** An integer from `min` to `max`, both included, refused with "must be min to max". */
export function IntRange(min: number, max: number) {
  const message = `must be ${min} to ${max}`;
  return applyDecorators(IsInt(), Min(min, { message }), Max(max, { message }));
}
