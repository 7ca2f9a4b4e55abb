import { BadUserInputError, NotFoundError, UnauthenticatedError } from '@mmn/errors';
import { fhirErrorRenderer } from './fhir-error.renderer';
import { acceptsJson } from './fhir-format.middleware';

describe('FHIR errors and formats', () => {
  it('renders domain errors as OperationOutcome issues under /fhir only', () => {
    expect(fhirErrorRenderer.handles('/fhir/Practitioner')).toBe(true);
    expect(fhirErrorRenderer.handles('/fhirish')).toBe(false);
    expect(fhirErrorRenderer.body(BadUserInputError.field('_count', 'must be 1 to 100'))).toEqual({
      resourceType: 'OperationOutcome',
      issue: [{ severity: 'error', code: 'invalid', diagnostics: '_count: must be 1 to 100', expression: ['_count'] }],
    });
    expect(fhirErrorRenderer.body(new NotFoundError('Practitioner/x'))).toMatchObject({
      issue: [{ code: 'not-found' }],
    });
    expect(fhirErrorRenderer.body(new UnauthenticatedError())).toMatchObject({ issue: [{ code: 'login' }] });
  });

  it('accepts JSON media types and wildcards, not XML', () => {
    for (const accept of [undefined, '*/*', 'application/fhir+json', 'text/html, application/json;q=0.8'])
      expect(acceptsJson(accept)).toBe(true);
    for (const accept of ['application/fhir+xml', 'text/html', 'application/json;q=0'])
      expect(acceptsJson(accept)).toBe(false);
  });
});
