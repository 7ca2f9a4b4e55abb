import { Controller, Get, Param } from '@nestjs/common';
import { DomainError, ErrorCode } from '@mmn/errors';
import { Public } from '@mmn/identity';

/** Registered last: any other resource type under /fhir is unknown here (404 OperationOutcome). */
@Controller('fhir')
@Public()
export class FhirFallbackController {
  @Get(':type')
  unknownType(@Param('type') type: string): never {
    throw new DomainError(
      ErrorCode.NOT_FOUND,
      `Resource type "${type.slice(0, 64)}" is not supported by this server (see /fhir/metadata).`,
    );
  }

  @Get(':type/:id')
  unknownTypeRead(@Param('type') type: string): never {
    return this.unknownType(type);
  }
}
