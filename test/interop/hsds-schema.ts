import { readdirSync, readFileSync } from 'fs';
import path from 'path';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

/** Where the standard publishes its schemas: the address its OpenAPI's `$ref`s use. */
const BASE = 'https://raw.githubusercontent.com/openreferral/specification/3.0/schema/';
const DIR = path.join(__dirname, 'hsds-schemas', 'schema');
// Annotations the HSDS files carry (Frictionless table-schema fields, examples) and the OpenAPI document's own
// fields: known to Ajv as keywords without meaning, so strict mode still rejects anything else it does not know.
const ANNOTATIONS = [
  'name',
  'path',
  'datapackage_metadata',
  'datapackage_type',
  'tabular_required',
  'example',
  'core',
  'constraints',
];
const OPENAPI_FIELDS = ['openapi', 'info', 'jsonSchemaDialect', 'paths', 'components'];

let ajv: Ajv2020 | undefined;
const validators = new Map<string, ValidateFunction>();

function load(): Ajv2020 {
  if (ajv) return ajv;
  // strictTypes off: the OpenAPI's list answers give `properties` without `type: "object"`, which is valid schema.
  ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false });
  addFormats(ajv);
  ajv.addVocabulary([...ANNOTATIONS, ...OPENAPI_FIELDS]);
  for (const file of ['', 'compiled/'].flatMap((dir) => readdirSync(path.join(DIR, dir)).map((f) => dir + f))) {
    if (file.endsWith('.json'))
      ajv.addSchema(JSON.parse(readFileSync(path.join(DIR, file), 'utf8')) as object, BASE + file);
  }
  // The two inlined schemas not vendored (see hsds-schemas/README.md), as what they were generated from.
  ajv.addSchema({ $ref: `${BASE}service.json` }, `${BASE}compiled/service.json`);
  ajv.addSchema(
    {
      $ref: `${BASE}organization.json`,
      properties: { services: { type: 'array', items: { $ref: `${BASE}service.json` } } },
    },
    `${BASE}compiled/organization.json`,
  );
  return ajv;
}

function validator(ref: string): ValidateFunction {
  let validate = validators.get(ref);
  if (!validate) {
    validate = load().compile({ $ref: ref });
    validators.set(ref, validate);
  }
  return validate;
}

const messages = (where: string, errors: ErrorObject[] | null | undefined) =>
  (errors ?? []).map((e) => `${where}${e.instancePath} ${e.message ?? ''} ${JSON.stringify(e.params)}`.trim());

/** Problems of a value against one HSDS schema file, e.g. `service.json` (empty when valid). */
export function hsdsProblems(schema: string, value: unknown, where = schema.replace(/\.json$/, '')): string[] {
  const validate = validator(BASE + schema);
  return validate(value) ? [] : messages(where, validate.errors);
}

/** The OpenAPI's schema of a GET's 200 answer, e.g. for `/services/{id}` (a JSON pointer into openapi.json). */
const responseRef = (template: string) =>
  `${BASE}openapi.json#/paths/${encodeURIComponent(template.replace(/~/g, '~0').replace(/\//g, '~1'))}` +
  '/get/responses/200/content/application~1json/schema';

/** Problems of an answer against the schema the standard's OpenAPI gives its endpoint (empty when valid). */
export function hsdsResponseProblems(template: string, body: unknown): string[] {
  const validate = validator(responseRef(template));
  return validate(body) ? [] : messages(template, validate.errors);
}

/** Compiles the validators up front (so compiling never stalls the event loop between a test's requests). */
export function prepareHsdsSchemas(templates: string[], schemas: string[]): void {
  for (const template of templates) validator(responseRef(template));
  for (const schema of schemas) validator(BASE + schema);
}
