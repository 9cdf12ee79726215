// Everything the docs say about one domain, read once from its bundled spec: the operations with
// the facts codegen computes for the runtime (operationIndex), their SDK calls, the webhooks and
// the schemas. Pages and snippet files are rendered from this, never from the YAML directly.
import {
  eachOperation,
  loadSpec,
  operationIndex,
  operationKey,
  parametersOf,
  webhookOperations,
} from "@enfuce-sdk/codegen";
import { listDomains, specPath } from "@enfuce-sdk/workspace";
import { operationCall, webhookCall } from "./sdk-calls.mjs";

function operationsOf(doc) {
  const index = operationIndex(doc);
  const operations = [];
  eachOperation(doc, "paths", (visit) => {
    const { key: path, method, operation } = visit;
    const meta = index[operationKey(method, path)];
    const entry = {
      method: method.toUpperCase(),
      path,
      operation,
      operationId: operation.operationId,
      summary: operation.summary ?? "",
      tag: operation.tags?.[0] ?? "default",
      parameters: parametersOf(doc, visit),
      requestBody: operation.requestBody,
      meta,
    };
    entry.sdkCall = operationCall(doc, entry);
    operations.push(entry);
  });
  return operations;
}

/** @returns {Promise<object>} the model of one domain */
export async function loadDomain(domain) {
  const doc = await loadSpec(specPath(domain));
  const webhooks = webhookOperations(doc).map((webhook) => ({
    ...webhook,
    tag: doc.webhooks[webhook.name][webhook.method.toLowerCase()].tags?.[0] ?? "default",
    sdkCall: webhookCall(domain, webhook),
  }));
  return {
    domain,
    doc,
    title: doc.info?.title ?? domain,
    operations: operationsOf(doc),
    webhooks,
    schemas: Object.entries(doc.components?.schemas ?? {}).map(([name, schema]) => ({ name, schema })),
  };
}

export const loadDomains = () => Promise.all(listDomains().map(loadDomain));
