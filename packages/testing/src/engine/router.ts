// Finds the operation a request is for: the domain by its documented base path, then the path
// template of that domain's spec, literal segments winning over parameters (`/v3/SUSPENDED`
// before `/v3/{id}`). Only the path counts, so any host works: the sandbox's own, or the real
// environments' hosts through `sandbox.fetch`.
import type { OperationFacts, OperationValidators } from "@enfuce-sdk/core";
import type { DomainModule, DomainTableEntry } from "./domain-table";

/** One operation of one domain, ready to serve. */
export interface Operation {
  readonly domain: string;
  /** `METHOD /path/template` as in the spec. */
  readonly key: string;
  readonly method: string;
  readonly template: string;
  readonly facts: OperationFacts;
  readonly validators: OperationValidators;
  readonly module: DomainModule;
}

export interface Route {
  readonly operation: Operation;
  readonly pathParams: Record<string, string>;
}

/** Why a request found no operation: no such path, or the path exists for other methods only. */
export interface NoRoute {
  readonly operation?: undefined;
  readonly allowed: readonly string[];
}

interface Template {
  readonly operation: Operation;
  /** A literal segment, or null where the template has a parameter. */
  readonly segments: readonly (string | null)[];
  readonly names: readonly (string | null)[];
}

function parseTemplate(operation: Operation): Template {
  const parts = operation.template.split("/");
  return {
    operation,
    segments: parts.map((part) => (/^\{[^}]+\}$/.test(part) ? null : part)),
    names: parts.map((part) => (/^\{[^}]+\}$/.test(part) ? part.slice(1, -1) : null)),
  };
}

/** Literal segments first, compared left to right: the most specific template wins. */
function bySpecificity(a: Template, b: Template): number {
  for (let index = 0; index < Math.min(a.segments.length, b.segments.length); index++) {
    const literalA = a.segments[index] !== null;
    const literalB = b.segments[index] !== null;
    if (literalA !== literalB) return literalA ? -1 : 1;
  }
  return 0;
}

class DomainRoutes {
  readonly #templates: Template[];

  constructor(name: string, module: DomainModule) {
    this.#templates = Object.entries(module.operationFacts)
      .map(([key, facts]) => {
        const space = key.indexOf(" ");
        const validators = module.operationValidators[key];
        if (!validators) throw new Error(`the generated validators of ${name} lack ${key}; run \`pnpm generate\``);
        return parseTemplate({
          domain: name,
          key,
          method: key.slice(0, space),
          template: key.slice(space + 1),
          facts,
          validators,
          module,
        });
      })
      .sort(bySpecificity);
  }

  get operations(): readonly Operation[] {
    return this.#templates.map((template) => template.operation);
  }

  match(method: string, relativePath: string): Route | NoRoute {
    const parts = relativePath.split("/");
    const allowed: string[] = [];
    for (const template of this.#templates) {
      const pathParams = matchSegments(template, parts);
      if (!pathParams) continue;
      if (template.operation.method === method) return { operation: template.operation, pathParams };
      allowed.push(template.operation.method);
    }
    return { allowed };
  }
}

function matchSegments(template: Template, parts: readonly string[]): Record<string, string> | undefined {
  if (template.segments.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  for (let index = 0; index < parts.length; index++) {
    const literal = template.segments[index];
    const part = parts[index] as string;
    if (literal === null) {
      if (part === "") return undefined;
      try {
        params[template.names[index] as string] = decodeURIComponent(part);
      } catch {
        return undefined;
      }
    } else if (literal !== part) return undefined;
  }
  return params;
}

export class Router {
  readonly #entries: readonly DomainTableEntry[];
  readonly #loaded = new Map<string, Promise<DomainRoutes>>();

  constructor(table: readonly DomainTableEntry[]) {
    // Longest base path first, so `/pincontrol` is not taken for `/pin`, and the root domain last.
    this.#entries = [...table].sort((a, b) => b.basePath.length - a.basePath.length);
  }

  /** The domain whose base path starts `pathname`, and the rest of the path. */
  domainOf(pathname: string): { entry: DomainTableEntry; relativePath: string } | undefined {
    for (const entry of this.#entries) {
      if (entry.basePath === "" || pathname === entry.basePath || pathname.startsWith(`${entry.basePath}/`)) {
        return { entry, relativePath: pathname.slice(entry.basePath.length) };
      }
    }
    return undefined;
  }

  async route(method: string, pathname: string): Promise<Route | NoRoute> {
    const found = this.domainOf(pathname);
    if (!found) return { allowed: [] };
    const routes = await this.load(found.entry);
    return routes.match(method, found.relativePath);
  }

  /** Loads (once) the generated validators and facts of a domain. */
  load(entry: DomainTableEntry): Promise<DomainRoutes> {
    let routes = this.#loaded.get(entry.name);
    if (!routes) {
      routes = entry.load().then((module) => new DomainRoutes(entry.name, module));
      this.#loaded.set(entry.name, routes);
    }
    return routes;
  }

  /** Every operation of one domain (loads it). */
  async operationsOf(name: string): Promise<readonly Operation[]> {
    const entry = this.#entries.find((candidate) => candidate.name === name);
    if (!entry) throw new Error(`unknown domain ${name}`);
    const routes = await this.load(entry);
    return routes.operations;
  }
}
