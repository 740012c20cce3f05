// Schema checks of one entry through the validator esbuild generates from data/schema/model.schema.json.
// The validator is passed in, so this stays testable without the bundle.

/** The shape of ajv's error objects that we read. */
export interface ValidatorError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

/** ajv's validate function: returns whether the value is valid, leaving the errors in `errors`. */
export interface GeneratedValidator {
  (value: unknown): boolean;
  errors?: ValidatorError[] | null;
}

export interface SchemaIssue {
  /** Where in the entry, e.g. ['paper', 'authors', 0]. */
  path: (string | number)[];
  keyword: string;
  /** The object or list the rule applies to, e.g. "paper" ("" for the entry itself). */
  field: string;
  /** The one value the message names: the missing or unknown field, the allowed values, the limit. */
  detail: string;
  message: string;
}

export function schemaIssues(validate: GeneratedValidator, value: unknown): SchemaIssue[] {
  if (validate(value)) {
    return [];
  }
  return (validate.errors ?? []).map((error) => ({
    // An unknown field is reported on its parent; point at the field itself.
    path: error.keyword === 'additionalProperties'
      ? [...pathParts(error.instancePath), String(error.params.additionalProperty)]
      : pathParts(error.instancePath),
    keyword: error.keyword,
    field: pathParts(error.instancePath).join('.'),
    detail: detailOf(error),
    message: `${error.instancePath || '/'} ${error.message ?? error.keyword}`,
  }));
}

function detailOf(error: ValidatorError): string {
  const p = error.params;
  switch (error.keyword) {
    case 'required':
      return String(p.missingProperty);
    case 'additionalProperties':
      return String(p.additionalProperty);
    case 'enum':
      return (p.allowedValues as unknown[]).join(', ');
    case 'pattern':
      return String(p.pattern);
    case 'type':
      return String(p.type);
    case 'minItems':
    case 'maxItems':
    case 'minLength':
    case 'maxLength':
      return String(p.limit);
    default:
      return error.message ?? error.keyword;
  }
}

function pathParts(instancePath: string): (string | number)[] {
  return instancePath
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}
