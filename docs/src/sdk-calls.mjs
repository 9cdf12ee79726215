// The typed SDK call of every operation, written from the spec: path parameters, required query
// parameters and headers, and the request body from the documented examples. The same text goes
// into the HTTP reference, the domain page and a .ts file per domain that tsc checks against the
// built package, so a call shown in the docs cannot stop compiling unnoticed.
import { clientFactoryName, packageName, resolveRef, webhookSenderName } from "@enfuce-sdk/codegen";
import { tsLiteral } from "./literal.mjs";

const firstExampleValue = (doc, media) => {
  if (!media) return undefined;
  if ("example" in media) return media.example;
  const first = Object.values(media.examples ?? {})[0];
  return first ? resolveRef(doc, first)?.value : undefined;
};

function exampleOfParameter(doc, parameter) {
  if ("example" in parameter) return parameter.example;
  const first = Object.values(parameter.examples ?? {})[0];
  if (first) return resolveRef(doc, first)?.value;
  const schema = resolveRef(doc, parameter.schema) ?? {};
  return schema.examples?.[0] ?? schema.example ?? schema.enum?.[0] ?? schema.default ?? `<${parameter.name}>`;
}

/** The client every snippet of a domain calls, as the docs show it once per domain. */
export function clientSetup(domain) {
  return `import { ${clientFactoryName(domain)} } from "${packageName(domain)}";

const client = ${clientFactoryName(domain)}({
  environment: "demo",
  realm: "test",
  credentials: { username: process.env.ENFUCE_USERNAME!, password: process.env.ENFUCE_PASSWORD! },
  auditUser: "backoffice-sync",
});`;
}

function initOf(doc, { parameters, requestBody, meta }) {
  const params = {};
  const pick = (location, keep) => {
    const values = {};
    for (const parameter of parameters.filter((p) => p.in === location && keep(p))) {
      values[parameter.name] = exampleOfParameter(doc, parameter);
    }
    if (Object.keys(values).length > 0) params[location] = values;
  };
  pick("path", () => true);
  pick("query", (p) => p.required && p.name !== "auditUser");
  pick("header", (p) => p.required && p.name.toLowerCase() !== meta.idempotencyHeader?.toLowerCase());
  const init = {};
  if (Object.keys(params).length > 0) init.params = params;
  const body = firstExampleValue(doc, resolveRef(doc, requestBody)?.content?.["application/json"]);
  if (body !== undefined) init.body = body;
  return init;
}

/** `, init` for a call whose text before the init is `prefix` (so long inits break over lines). */
const args = (prefix, init) => (Object.keys(init).length === 0 ? "" : `, ${tsLiteral(init, "", prefix.length + 2)}`);

/** A filter on the first documented field and its first documented value. */
function filterCall(path, filter) {
  const [field, values] = Object.entries(filter.fields)[0];
  return `const filter = client.filter(${JSON.stringify(path)}).eq(${JSON.stringify(field)}, ${JSON.stringify(values[0])});`;
}

/**
 * @param {object} doc the bundled spec
 * @param {{ method: string, path: string, parameters: object[], requestBody?: object, meta: object }} operation
 * @returns {string} TypeScript statements that use `client` from {@link clientSetup}
 */
export function operationCall(doc, operation) {
  const { method, path, meta } = operation;
  const init = initOf(doc, operation);
  const lines = [];
  if (meta.idempotencyHeader) {
    lines.push(
      `// The client sends ${meta.idempotencyHeader} itself; idempotencyKey: "…" makes a repeated call safe too.`,
    );
  }
  const call = `const { data, error } = await client.${method}(${JSON.stringify(path)}`;
  lines.push(`${call}${args(call, init)});`);
  if (meta.paging) {
    const filtered = meta.filter && Object.values(meta.filter.fields)[0];
    const query = filtered ? { filter: "__FILTER__" } : {};
    const pageInit = { ...init, params: { ...init.params, query: { ...init.params?.query, ...query } } };
    if (Object.keys(pageInit.params.query).length === 0) delete pageInit.params.query;
    lines.push("");
    if (filtered) lines.push(filterCall(path, meta.filter));
    const loop = `for await (const item of client.paginate(${JSON.stringify(path)}`;
    lines.push(
      `${loop}${args(loop, pageInit).replace('"__FILTER__"', "String(filter)")})) {`,
      "  console.info(item);",
      "}",
    );
  }
  return lines.join("\n");
}

/** For a webhook Enfuce sends: the generated sender that plays Enfuce's part against your receiver. */
export function webhookCall(domain, webhook) {
  const example = Object.keys(webhook.requestExamples)[0];
  const options = {
    url: "http://127.0.0.1:8080",
    credentials: { username: "enfuce", password: "__PASSWORD__" },
    ...(example === undefined ? {} : { example }),
  };
  return `import { ${webhookSenderName(webhook.name)} } from "${packageName(domain)}";

// Try your receiver locally: posts a documented example to ${webhook.method} ${webhook.path} with your credentials.
const sent = await ${webhookSenderName(webhook.name)}(${tsLiteral(options).replace('"__PASSWORD__"', "process.env.WEBHOOK_PASSWORD!")});
console.info(sent.status, sent.durationMs);`;
}

const indent = (text) =>
  text
    .split("\n")
    .map((line) => (line === "" ? line : `  ${line}`))
    .join("\n");

/**
 * One .ts file per domain holding every snippet, each in its own function, with the client setup once.
 * @param {string} domain
 * @param {{ id: string, code: string }[]} calls client calls (use `client`)
 * @param {{ id: string, code: string }[]} webhooks self-contained webhook snippets (their own import)
 */
export function snippetsFile(domain, calls, webhooks) {
  const imports = webhooks.map(({ code }) => code.split("\n")[0]);
  const webhookBodies = webhooks.map(({ id, code }) => ({ id, code: code.split("\n").slice(2).join("\n") }));
  const parts = [
    `// Generated by docs/src/sdk-calls.mjs from specs/${domain}.yaml: every SDK call the docs show, checked by tsc.`,
    ...imports,
  ];
  if (calls.length > 0) parts.push(clientSetup(domain));
  for (const { id, code } of [...calls, ...webhookBodies]) {
    parts.push(`export async function ${id}Example() {\n${indent(code)}\n}`);
  }
  return `${parts.join("\n\n")}\n`;
}
