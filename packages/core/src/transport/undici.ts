// The one place that loads undici, and only when the first request goes out: importing a domain
// package, creating a client or running a webhook receiver loads no HTTP client code.
import type * as Undici from "undici";

export type { Dispatcher } from "undici";
export type UndiciModule = typeof Undici;

let loading: Promise<UndiciModule> | undefined;

/** undici, loaded once per process on first use (`require` in the CJS build, see tsup.config.ts). */
export const loadUndici = (): Promise<UndiciModule> => {
  loading ??=
    process.env.ENFUCE_SDK_BUILD === "cjs" ? Promise.resolve().then(() => require("undici")) : import("undici");
  return loading;
};
