/**
 * Loads `specs/<domain>.yaml` and answers a checker of values against its component schemas,
 * with the validator setup of the example lint (JSON Schema 2020-12, formats included).
 * The checker returns one message per violation, an empty list when the value is valid, and
 * throws when the spec has no schema of that name.
 */
export function loadSchemaValidator(domain: string): Promise<(schemaName: string, value: unknown) => string[]>;
