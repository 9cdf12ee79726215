// Reads what a receiver and a test sender need to know about each webhook (Enfuce calling the
// issuer) out of a bundled spec: the path served, the answer's status, the time limit, the
// deduplication id and the documented examples. Nothing at run time reads YAML.
import { resolveRef as resolve } from "./refs.mjs";
import { SpecError } from "./spec-problems.mjs";
import { unknownVariantOf } from "./tolerance.mjs";
import { eachOperation, parametersOf } from "./walk.mjs";

const JSON_MEDIA = "application/json";

function examplesOf(doc, media) {
  if (!media) return {};
  if ("example" in media) return { default: media.example };
  const examples = {};
  for (const [name, example] of Object.entries(media.examples ?? {})) {
    const resolved = resolve(doc, example);
    if (resolved && "value" in resolved) examples[name] = resolved.value;
  }
  return examples;
}

function exampleOfParameter(doc, parameter) {
  if ("example" in parameter) return parameter.example;
  const first = Object.values(parameter.examples ?? {})[0];
  if (first) return resolve(doc, first)?.value;
  return resolve(doc, parameter.schema)?.examples?.[0];
}

/** The 2xx answer the issuer gives when it accepts the call: its status and, if any, its JSON body. */
function successOf(doc, operation, where) {
  const entry = Object.entries(operation.responses ?? {}).find(([status]) => /^2\d\d$/.test(status));
  if (!entry) throw new SpecError([`${where}: a webhook needs a documented 2xx answer`]);
  const media = resolve(doc, entry[1])?.content?.[JSON_MEDIA];
  return { status: Number(entry[0]), media };
}

/** @returns {Array<object>} one entry per webhook operation, in spec order; schemas are null where there is none */
export function webhookOperations(doc) {
  const operations = [];
  eachOperation(doc, "webhooks", (visit) => {
    const { key: name, method, operation, pointer } = visit;
    if (!operation["x-enfuce-path"]) throw new SpecError([`${pointer}: x-enfuce-path is required on a webhook`]);
    const parameters = [
      ...parametersOf(doc, visit),
      ...(operation["x-enfuce-path-parameters"] ?? []).map((parameter) => resolve(doc, parameter)),
    ];
    const requestBody = resolve(doc, operation.requestBody);
    const requestMedia = requestBody?.content?.[JSON_MEDIA];
    const success = successOf(doc, operation, pointer);
    operations.push({
      name,
      operationId: operation.operationId,
      summary: operation.summary ?? "",
      method: method.toUpperCase(),
      path: operation["x-enfuce-path"],
      deprecated: operation.deprecated === true,
      timeoutMs: operation["x-enfuce-timeout-ms"] ?? null,
      idField: operation["x-enfuce-id-field"] ?? null,
      idParameter: operation["x-enfuce-id-parameter"] ?? null,
      pathParameters: parameters.filter((p) => p.in === "path").map((p) => p.name),
      parameterExamples: Object.fromEntries(
        parameters.filter((p) => p.in === "path").map((p) => [p.name, String(exampleOfParameter(doc, p))]),
      ),
      headers: Object.fromEntries(
        parameters
          .filter((p) => p.in === "header" && p.required)
          .map((p) => [p.name.toLowerCase(), String(exampleOfParameter(doc, p))]),
      ),
      successStatus: success.status,
      unknownVariant: requestMedia?.schema ? unknownVariantOf(doc, requestMedia.schema) : null,
      requestSchema: requestMedia?.schema ?? null,
      responseSchema: success.media?.schema ?? null,
      requestExamples: examplesOf(doc, requestMedia),
      responseExamples: examplesOf(doc, success.media),
    });
  });
  return operations;
}
