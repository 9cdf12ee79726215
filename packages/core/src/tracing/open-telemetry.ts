// @opentelemetry/api is an optional peer dependency. Nothing here runs at import time: the API is
// loaded on first use, once per build loaded: `require` inside a try in the CJS build (as undici is,
// see tsup.config.ts; webpack takes a require in a try as optional), a dynamic import in the ESM
// build (`webpackIgnore` keeps webpack from failing an application's build without the package;
// esbuild and Rollup leave an import they cannot resolve alone). When it is not installed, tracing
// stays off and costs one check per call.
import type * as OpenTelemetry from "@opentelemetry/api";

export type OpenTelemetryApi = typeof OpenTelemetry;

let api: OpenTelemetryApi | null | undefined;
let loading: Promise<OpenTelemetryApi | null> | undefined;

// A CJS build of the API reached through an ESM interop layer may sit under `default`.
const apiOf = (module: OpenTelemetryApi | { default: OpenTelemetryApi }): OpenTelemetryApi =>
  "trace" in module ? module : module.default;

function load(): Promise<OpenTelemetryApi | { default: OpenTelemetryApi }> {
  if (process.env.ENFUCE_SDK_BUILD !== "cjs") return import(/* webpackIgnore: true */ "@opentelemetry/api");
  return new Promise((resolve, reject) => {
    try {
      resolve(require("@opentelemetry/api"));
    } catch (error) {
      reject(error);
    }
  });
}

/** The API once loaded, null when it cannot be loaded, or (on first use only) a promise of either. */
export function openTelemetry(): OpenTelemetryApi | null | Promise<OpenTelemetryApi | null> {
  if (api !== undefined) return api;
  loading ??= load().then(
    (module) => {
      api = apiOf(module);
      return api;
    },
    () => {
      api = null;
      return api;
    },
  );
  return loading;
}
