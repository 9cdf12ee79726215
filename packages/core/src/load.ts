// The dependencies the core loads on first use only, so that importing a domain package, creating a
// client or running a webhook receiver loads no HTTP client code: undici with the first request,
// openapi-fetch with the first call that needs a WHATWG Request (middleware, a custom fetch, a
// streamed answer). The CJS build `require`s them (tsup.config.ts sets ENFUCE_SDK_BUILD), since a
// dynamic import() inside CommonJS breaks under Jest's module sandbox; the ESM build imports them.
import type * as OpenApiFetch from "openapi-fetch";
import type * as Undici from "undici";

export type { Dispatcher } from "undici";
export type UndiciModule = typeof Undici;
export type CreateOpenApiFetch = typeof OpenApiFetch.default;

let undici: Promise<UndiciModule> | undefined;
let openApiFetch: Promise<CreateOpenApiFetch> | undefined;

export function loadUndici(): Promise<UndiciModule> {
  undici ??=
    process.env.ENFUCE_SDK_BUILD === "cjs" ? Promise.resolve().then(() => require("undici")) : import("undici");
  return undici;
}

export function loadOpenApiFetch(): Promise<CreateOpenApiFetch> {
  openApiFetch ??= (
    process.env.ENFUCE_SDK_BUILD === "cjs"
      ? Promise.resolve().then(() => require("openapi-fetch"))
      : import("openapi-fetch")
  ).then((module: typeof OpenApiFetch) => module.default);
  return openApiFetch;
}
