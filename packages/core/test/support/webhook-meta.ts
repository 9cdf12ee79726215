// A webhook in the shape codegen produces, with a validator that accepts `{ code: string }` only and
// reports like an ajv one, so that routes can be proven without a webhook domain package.
import type { CompiledValidator, WebhookMeta } from "../../src/webhook/types";

export const validate: CompiledValidator = Object.assign(
  (value: unknown) => {
    const ok = typeof value === "object" && value !== null && typeof (value as { code?: unknown }).code === "string";
    validate.errors = ok ? null : [{ instancePath: "/code", keyword: "type", params: {}, message: "must be string" }];
    return ok;
  },
  { errors: null },
);

export const meta = (overrides: Partial<WebhookMeta> = {}): WebhookMeta => ({
  name: "test",
  operationId: "testHook",
  summary: "",
  method: "POST",
  path: "/test",
  deprecated: false,
  timeoutMs: 1000,
  idField: "id",
  idParameter: null,
  pathParameters: [],
  parameterExamples: {},
  headers: {},
  successStatus: 200,
  requestExamples: {},
  responseExamples: {},
  validateRequest: null,
  requestBranches: [],
  validateResponse: validate,
  ...overrides,
});
