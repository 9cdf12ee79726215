// @opentelemetry/api is an optional peer dependency. Nothing here runs at import time: the API is
// loaded on first use, once per build loaded, by a dynamic import that both builds keep as is (in
// the CJS build it loads the API's ESM build, which shares its global registry with a CJS copy the
// application registered a provider with). When it is not installed, tracing stays off and costs
// one check per call. `webpackIgnore` keeps webpack from failing the build of an application that
// does not install the package; esbuild and Rollup leave an import they cannot resolve alone.
import type * as OpenTelemetry from "@opentelemetry/api";

export type OpenTelemetryApi = typeof OpenTelemetry;

let api: OpenTelemetryApi | null | undefined;
let loading: Promise<OpenTelemetryApi | null> | undefined;

// A CJS build of the API reached through an ESM interop layer may sit under `default`.
const apiOf = (module: OpenTelemetryApi | { default: OpenTelemetryApi }): OpenTelemetryApi =>
  "trace" in module ? module : module.default;

/** The API once loaded, null when it cannot be loaded, or (on first use only) a promise of either. */
export function openTelemetry(): OpenTelemetryApi | null | Promise<OpenTelemetryApi | null> {
  if (api !== undefined) return api;
  loading ??= import(/* webpackIgnore: true */ "@opentelemetry/api").then(
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
