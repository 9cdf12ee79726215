// The semantic-version rules for one change between two specs, judged by what it does to the code
// of someone using the generated package: a change that can stop their code compiling is major,
// one that only adds is minor, one that only touches documentation is patch.
import { CONSTRAINT_KEYWORDS } from "./subschemas.mjs";

export const LEVELS = ["none", "patch", "minor", "major"];
export const higher = (a, b) => (LEVELS.indexOf(a) >= LEVELS.indexOf(b) ? a : b);

const DOC_KEYWORDS = new Set(["description", "summary", "title", "example", "examples", "externalDocs", "$comment"]);
// Extensions that only explain the spec; every other x- key may feed the generated code.
const DOC_EXTENSIONS = new Set(["x-enfuce-decision", "x-enfuce-gaps", "x-enfuce-reference", "x-enfuce-example-source"]);
const TYPE_KEYWORDS = new Set(["type", "const", "$ref", "items", "additionalProperties", "schema", "not"]);
const COMPOSITIONS = new Set(["oneOf", "anyOf", "allOf", "prefixItems"]);

const isDocKey = (key) => DOC_KEYWORDS.has(key) || DOC_EXTENSIONS.has(key);
const code = (value) => `\`${typeof value === "string" ? value : JSON.stringify(value)}\``;

/** Splits the path inside a schema into the field it names (`data[].status`) and the keywords after it. */
function schemaTail(segments) {
  const field = [];
  const keywords = [];
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    if (segment === "properties" && i + 1 < segments.length) {
      field.push(segments[++i]);
      keywords.length = 0;
    } else if (segment === "items" && i + 1 < segments.length) {
      field.push("[]");
    } else if (COMPOSITIONS.has(segment) && typeof segments[i + 1] === "number" && i + 2 < segments.length) {
      i++;
    } else {
      keywords.push(segment);
    }
  }
  return { field: field.join(".").replaceAll(".[]", "[]"), keywords };
}

const fieldText = (field) => (field ? ` of ${code(field)}` : "");

/**
 * A change inside a schema.
 * @param {"input"|"output"} side input: the user builds it; output: the user reads it
 */
function schemaChange(side, diff, segments) {
  const { action, before, after } = diff;
  const { field, keywords } = schemaTail(segments);
  const [keyword, index] = keywords;
  const last = segments.at(-1);
  const removedOrReplaced = action === "remove" || action === "replace" || action === "rename";

  if (segments.length === 0) {
    return action === "add" ? { level: "minor", text: "Added a schema" } : { level: "major", text: "Changed the type" };
  }
  if (keywords.length === 0 && field) {
    if (action === "add") return { level: "minor", text: `Added field ${code(field)}` };
    if (action === "remove") return { level: "major", text: `Removed field ${code(field)}` };
    return { level: "major", text: `Changed the type of field ${code(field)}` };
  }
  if (keyword === "required" && keywords.length <= 2) {
    const names = typeof index === "number" ? [before ?? after] : (before ?? after ?? []);
    const list = names.map((name) => code(field ? `${field}.${name}` : name)).join(", ");
    if (action === "add") {
      return side === "input"
        ? { level: "major", text: `Now required: ${list}` }
        : { level: "minor", text: `Now always present: ${list}` };
    }
    if (action === "remove") {
      return side === "input"
        ? { level: "minor", text: `Now optional: ${list}` }
        : { level: "major", text: `May now be absent: ${list}` };
    }
  }
  if (keyword === "enum") {
    if (action === "add" && typeof index === "number")
      return { level: "minor", text: `Added enum value ${code(after)}${fieldText(field)}` };
    if (action === "remove" && typeof index === "number")
      return { level: "major", text: `Removed enum value ${code(before)}${fieldText(field)}` };
    return { level: "major", text: `Changed the allowed values${fieldText(field)}` };
  }
  if (keyword === "properties") {
    return action === "add"
      ? { level: "minor", text: `Added fields${fieldText(field)}` }
      : { level: "major", text: `Removed fields${fieldText(field)}` };
  }
  if (COMPOSITIONS.has(keyword) && (index === undefined || keywords.length === 2)) {
    return action === "add"
      ? { level: "minor", text: `Added a ${keyword} variant${fieldText(field)}` }
      : { level: "major", text: `Changed the ${keyword} variants${fieldText(field)}` };
  }
  if (keywords.some(isDocKey) || (typeof last === "string" && isDocKey(last))) {
    return { level: "patch", text: `Documentation${fieldText(field)}` };
  }
  // Validation rules, which openapi-typescript does not turn into types.
  if (CONSTRAINT_KEYWORDS.has(keyword))
    return { level: "patch", text: `Validation rule \`${keyword}\`${fieldText(field)}` };
  if (TYPE_KEYWORDS.has(keyword) && removedOrReplaced)
    return { level: "major", text: `Changed the type${fieldText(field)}` };
  if (keyword === "deprecated" && after === true) return { level: "minor", text: `Deprecated${fieldText(field)}` };
  return { level: "minor", text: `Changed \`${keywords.join("/") || "schema"}\`${fieldText(field)}` };
}

const walk = (root, segments) => segments.reduce((node, key) => node?.[key], root);

function parameterChange(diff, rest, parameter) {
  const name = `${parameter?.in ?? ""} parameter ${code(parameter?.name ?? "?")}`.trim();
  const { action, after } = diff;
  if (rest.length === 0) {
    if (action === "add")
      return parameter?.required
        ? { level: "major", text: `Added required ${name}` }
        : { level: "minor", text: `Added optional ${name}` };
    if (action === "remove") return { level: "major", text: `Removed ${name}` };
  }
  const [key] = rest;
  if (key === "required")
    return after === true
      ? { level: "major", text: `${name} is now required` }
      : { level: "minor", text: `${name} is now optional` };
  if (key === "name" || key === "in") return { level: "major", text: `Renamed ${name}` };
  if (key === "schema") {
    const change = schemaChange("input", diff, rest.slice(1));
    return { ...change, text: `${change.text} (${name})` };
  }
  if (isDocKey(key)) return { level: "patch", text: `Documentation of ${name}` };
  return { level: "minor", text: `Changed \`${rest.join("/")}\` of ${name}` };
}

/** The part of an operation a change sits in: request body or one response, or the body of a webhook. */
function contentChange(side, diff, rest, what) {
  const { action, after } = diff;
  if (rest.length === 0) {
    if (action === "add") {
      const required = what === "request body" && after?.required;
      return { level: required ? "major" : "minor", text: `Added ${required ? "required " : ""}${what}` };
    }
    if (action === "remove") return { level: "major", text: `Removed ${what}` };
  }
  const [key, mediaType, next] = rest;
  if (key === "required")
    return after === true
      ? { level: side === "input" ? "major" : "minor", text: `The ${what} is now required` }
      : { level: "minor", text: `The ${what} is now optional` };
  if (key === "content" && rest.length === 2)
    return action === "add"
      ? { level: "minor", text: `Added ${mediaType} to the ${what}` }
      : { level: "major", text: `Removed ${mediaType} from the ${what}` };
  if (key === "content" && next === "schema") return schemaChange(side, diff, rest.slice(3));
  if (key === "content" && (next === "examples" || next === "example"))
    return { level: "patch", text: `Examples of the ${what}` };
  if (isDocKey(key)) return { level: "patch", text: `Documentation of the ${what}` };
  if (key === "headers") return { level: "minor", text: `Changed the headers of the ${what}` };
  return { level: "minor", text: `Changed \`${rest.join("/")}\` of the ${what}` };
}

/**
 * A change inside one operation (`paths`) or webhook (`webhooks`).
 * @returns {{level: string, text: string, where: string}}
 */
function operationChange(diff, merged) {
  const [section, path, method, part, ...rest] = diff.path;
  const webhook = section === "webhooks";
  const where = webhook ? `webhook ${code(path)}` : code(`${String(method).toUpperCase()} ${path}`);
  const [requestSide, responseSide] = webhook ? ["output", "input"] : ["input", "output"];
  const operation = diff.after ?? diff.before;
  const result = (change) => ({ ...change, where });

  if (part === undefined) {
    const id = operation?.operationId ? ` (${code(operation.operationId)})` : "";
    const noun = webhook ? "webhook" : "operation";
    if (diff.action === "add") return result({ level: "minor", text: `Added ${noun}${id}` });
    if (diff.action === "remove") return result({ level: "major", text: `Removed ${noun}${id}` });
  }
  if (part === "operationId") return result({ level: "major", text: `Renamed operationId to ${code(diff.after)}` });
  if (part === "deprecated")
    return result({ level: "minor", text: diff.after ? "Deprecated the operation" : "Un-deprecated the operation" });
  if (part === "parameters") {
    const [index, ...inside] = rest;
    const parameter = walk(merged, [section, path, method, part, index]);
    return result(parameterChange(diff, inside, parameter));
  }
  // Changes inside a body name their field; say which body it is, unless the text already does.
  const inBody = (change, what) => ({ ...change, where: change.text.includes(what) ? where : `${what} of ${where}` });
  if (part === "requestBody") return inBody(contentChange(requestSide, diff, rest, "request body"), "request body");
  if (part === "responses") {
    const [status, ...inside] = rest;
    const what = `${webhook ? "reply" : "response"} ${status}`;
    return inBody(contentChange(responseSide, diff, inside, what), what);
  }
  if (isDocKey(part) || part === "tags") return result({ level: "patch", text: "Documentation" });
  return result({ level: "minor", text: `Changed \`${[part, ...rest].join("/")}\`` });
}

/**
 * Classifies one api-smart-diff change.
 * @param {object} merged api-smart-diff's merged document, to name parameters by index
 * @param {Map<string, Set<string>>} webhookUsage sides each component schema is used on by webhooks
 * @param {Set<string>} coveredByPaths component schemas reachable from `paths`
 * @returns {{level: string, text: string, where: string} | undefined}
 */
export function classifyDiff(diff, { merged, webhookUsage, coveredByPaths }) {
  const [section, name, third, ...rest] = diff.path;
  if (section === "paths" && diff.path.length === 1 && diff.action === "rename") {
    return {
      level: "major",
      text: `Renamed path ${code(diff.before)} to ${code(diff.after)}`,
      where: "paths",
    };
  }
  if ((section === "paths" || section === "webhooks") && name !== undefined) {
    if (third === undefined) {
      const added = diff.action === "add";
      return { level: added ? "minor" : "major", text: added ? "Added path" : "Removed path", where: code(name) };
    }
    return operationChange(diff, merged);
  }
  if (section === "components" && name === "schemas" && third !== undefined) {
    const where = `type ${code(third)}`;
    if (rest.length === 0 && diff.action === "add") return { level: "minor", text: "Added type", where };
    if (rest.length === 0 && diff.action === "remove") return { level: "major", text: "Removed type", where };
    // Operations report the changes of the schemas they use, each on its own side; webhooks and
    // schemas nothing uses (still exported as types) are judged here, the latter as both sides.
    const sides = webhookUsage.get(third) ?? (coveredByPaths.has(third) ? undefined : ["input", "output"]);
    if (!sides) return undefined;
    return [...sides]
      .map((side) => ({ ...schemaChange(side, diff, rest), where }))
      .reduce((a, b) => (higher(a.level, b.level) === a.level ? a : b));
  }
  if (section === "components") return undefined;
  if (section === "info" || section === "tags" || section === "externalDocs" || isDocKey(section)) {
    return { level: "patch", text: "Documentation", where: "the API description" };
  }
  return { level: "minor", text: `Changed \`${diff.path.join("/")}\``, where: "the API" };
}
