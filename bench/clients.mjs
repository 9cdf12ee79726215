// The contenders, each making the same GET with the same Authorization header and parsing the
// same JSON answer. Every call resolves to the parsed body and throws on any status but 200 (the
// SDK rows check `error`, as its README does: a non-2xx always sets it; reading `result.response`
// would build a fetch Response, which the SDK otherwise skips).
import { createInstalmentClient } from "@enfuce-sdk/instalment";
import { BasicTracerProvider, BatchSpanProcessor } from "@opentelemetry/sdk-trace-base";
import axios from "axios";
import createOpenApiFetch from "openapi-fetch";
import { request } from "undici";
import { AUDIT_USER, AUTHORIZATION, CREDENTIALS, INSTALMENT_ID, REQUEST_PATH } from "./fixture.mjs";

const failed = (name, status) => {
  throw new Error(`${name}: status ${status}`);
};

/** Spans batched and handed to an exporter that drops them: the SDK's cost, not a backend's. */
function discardingTracerProvider() {
  const exporter = { export: (_spans, done) => done({ code: 0 }), shutdown: async () => {} };
  return new BasicTracerProvider({ spanProcessors: [new BatchSpanProcessor(exporter)] });
}

export function createClients(origin) {
  const url = `${origin}${REQUEST_PATH}`;
  const headers = { authorization: AUTHORIZATION };
  const bare = createOpenApiFetch({ baseUrl: `${origin}/instalment`, headers });
  // Defaults on purpose: retries (2), per-attempt timeout (30 s), audit user, typed errors; tracing
  // and response checks off (their validators are never loaded).
  const ours = createInstalmentClient({
    baseUrl: `${origin}/instalment`,
    credentials: CREDENTIALS,
    auditUser: AUDIT_USER,
  });
  // The same client with OpenTelemetry on: a span per call and one per attempt.
  const traced = createInstalmentClient({
    baseUrl: `${origin}/instalment`,
    credentials: CREDENTIALS,
    auditUser: AUDIT_USER,
    tracerProvider: discardingTracerProvider(),
  });
  // The same client checking each answer against the spec (validators loaded on creation).
  const checked = createInstalmentClient({
    baseUrl: `${origin}/instalment`,
    credentials: CREDENTIALS,
    auditUser: AUDIT_USER,
    validateResponses: "warn",
  });
  // The same client with a middleware that changes nothing: every attempt goes through a Request.
  const withMiddleware = createInstalmentClient({
    baseUrl: `${origin}/instalment`,
    credentials: CREDENTIALS,
    auditUser: AUDIT_USER,
    middleware: [{ onRequest: () => undefined }],
  });
  const path = { instalmentId: INSTALMENT_ID };
  const sdkCall = (name, client) => ({
    name,
    async call() {
      const { data, error, response } = await client.GET("/v1/{instalmentId}", { params: { path } });
      if (error) failed(name, response.status);
      return data;
    },
  });

  return [
    {
      name: "raw fetch",
      async call() {
        const response = await fetch(url, { headers });
        if (response.status !== 200) failed(this.name, response.status);
        return response.json();
      },
    },
    {
      name: "openapi-fetch",
      async call() {
        const { data, response } = await bare.GET("/v1/{instalmentId}", {
          params: { path, query: { auditUser: AUDIT_USER } },
        });
        if (response.status !== 200) failed(this.name, response.status);
        return data;
      },
    },
    sdkCall("@enfuce-sdk (retries, timeouts)", ours),
    sdkCall("@enfuce-sdk, a middleware (through a Request)", withMiddleware),
    sdkCall("@enfuce-sdk, tracing on", traced),
    sdkCall('@enfuce-sdk, validateResponses: "warn"', checked),
    {
      name: "undici request()",
      async call() {
        const { statusCode, body } = await request(url, { headers });
        if (statusCode !== 200) {
          await body.dump();
          failed(this.name, statusCode);
        }
        return body.json();
      },
    },
    {
      name: "axios",
      async call() {
        const response = await axios.get(url, { headers, validateStatus: () => true });
        if (response.status !== 200) failed(this.name, response.status);
        return response.data;
      },
    },
  ];
}
