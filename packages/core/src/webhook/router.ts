// Finds the webhook for a request line: the documented paths only (optionally under a prefix), path
// parameters decoded; 404 for any other path, 405 for another method on a webhook path.
import { ConfigurationError } from "../errors";
import { type Answer, methodNotAllowed, NOT_FOUND } from "./answers";
import type { RouteAnswer } from "./route";
import type { WebhookMeta } from "./types";

export interface Matched {
  readonly meta: WebhookMeta;
  readonly answer: RouteAnswer;
  readonly params: Readonly<Record<string, string>>;
}

interface Entry {
  readonly meta: WebhookMeta;
  readonly answer: RouteAnswer;
  /** Set for paths with parameters; static paths compare as strings. */
  readonly pattern: RegExp | undefined;
  /** For a static path, the one match every call gets; a path with parameters matches anew per call. */
  readonly matched: Matched | undefined;
}

const NO_PARAMS: Readonly<Record<string, string>> = Object.freeze({});
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function patternOf(path: string): RegExp | undefined {
  if (!path.includes("{")) return undefined;
  const parts = path.split(/\{[^}]+\}/);
  return new RegExp(`^${parts.map(escapeRegExp).join("([^/]+)")}$`);
}

function checkedBasePath(basePath: string | undefined): string {
  if (basePath === undefined || basePath === "" || basePath === "/") return "";
  if (typeof basePath !== "string" || !basePath.startsWith("/") || /[?#]/.test(basePath)) {
    throw new ConfigurationError("basePath must be a path starting with /, such as /enfuce");
  }
  return basePath.replace(/\/+$/, "");
}

/** Path parameters decoded, or undefined when one is not valid percent-encoding. */
function paramsOf(meta: WebhookMeta, match: RegExpExecArray): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  try {
    meta.pathParameters.forEach((name, index) => {
      params[name] = decodeURIComponent(match[index + 1] as string);
    });
  } catch {
    return undefined;
  }
  return params;
}

export function createRouter(
  routes: readonly { meta: WebhookMeta; answer: RouteAnswer }[],
  basePath: string | undefined,
): (method: string, target: string) => Matched | Answer {
  const prefix = checkedBasePath(basePath);
  const entries: Entry[] = routes.map(({ meta, answer }) => {
    const pattern = patternOf(meta.path);
    return { meta, answer, pattern, matched: pattern ? undefined : { meta, answer, params: NO_PARAMS } };
  });

  return (method, target) => {
    const query = target.indexOf("?");
    let path = query === -1 ? target : target.slice(0, query);
    if (prefix) {
      if (!path.startsWith(`${prefix}/`)) return NOT_FOUND;
      path = path.slice(prefix.length);
    }
    let allowed: string[] | undefined;
    for (const entry of entries) {
      let params: Readonly<Record<string, string>> | undefined = NO_PARAMS;
      if (entry.pattern) {
        const match = entry.pattern.exec(path);
        if (!match) continue;
        params = paramsOf(entry.meta, match);
        if (!params) return NOT_FOUND;
      } else if (path !== entry.meta.path) {
        continue;
      }
      if (entry.meta.method !== method) {
        allowed = [...(allowed ?? []), entry.meta.method];
        continue;
      }
      return entry.matched ?? { meta: entry.meta, answer: entry.answer, params };
    }
    return allowed ? methodNotAllowed(allowed.join(", ")) : NOT_FOUND;
  };
}
