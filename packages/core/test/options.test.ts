import { describe, expect, it } from "vitest";
import { ConfigurationError, createEnfuceClient, type DomainSpec } from "../src";

const spec: DomainSpec = {
  domain: "example",
  serverUrl: "https://integration-api-cat2.{environment}.ext.{realm}.cia.enfuce.com/example",
  operations: {},
};
const password = "correct horse battery staple";
const valid = {
  environment: "demo",
  realm: "test",
  credentials: { username: "issuer", password },
  auditUser: "backoffice-sync",
};

const failure = (options: unknown): ConfigurationError => {
  try {
    createEnfuceClient(options as never, spec);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(String((error as Error).message)).not.toContain(password);
    return error as ConfigurationError;
  }
  throw new Error("expected a ConfigurationError");
};

describe("options are checked at construction", () => {
  it("builds the documented server URL, and the live server from live/prod", () => {
    expect(createEnfuceClient(valid, spec).baseUrl).toBe(
      "https://integration-api-cat2.demo.ext.test.cia.enfuce.com/example",
    );
    expect(createEnfuceClient({ ...valid, environment: "live", realm: "prod" }, spec).baseUrl).toBe(
      "https://integration-api-cat2.live.ext.prod.cia.enfuce.com/example",
    );
  });

  it("needs a base URL or an environment and realm", () => {
    expect(failure({ ...valid, environment: undefined, realm: undefined }).message).toMatch(
      /baseUrl, or an environment and a realm/,
    );
    expect(failure({ ...valid, realm: undefined }).message).toMatch(/environment and realm go together/);
  });

  it.each(["demo.evil.com", "demo/x", "", "-demo", "a".repeat(64), "dé"])(
    "refuses environment %j, not a plain DNS label",
    (environment) => {
      expect(failure({ ...valid, environment }).message).toMatch(/environment must be a plain DNS label/);
    },
  );

  it("refuses plain http except to this machine", () => {
    expect(failure({ ...valid, baseUrl: "http://api.example.com/instalment" }).message).toMatch(/only https/);
    for (const baseUrl of ["http://localhost:4010", "http://127.0.0.1:4010/x", "https://api.example.com/instalment/"]) {
      expect(() => createEnfuceClient({ ...valid, baseUrl }, spec)).not.toThrow();
    }
    expect(createEnfuceClient({ ...valid, baseUrl: "https://api.example.com/instalment/" }, spec).baseUrl).toBe(
      "https://api.example.com/instalment",
    );
  });

  it("refuses credentials inside the base URL without echoing them", () => {
    const error = failure({ ...valid, baseUrl: `https://issuer:${encodeURIComponent(password)}@api.example.com/x` });
    expect(error.message).toMatch(/must not contain credentials/);
    expect(error.message).not.toContain(encodeURIComponent(password));
  });

  it.each([
    [{ ...valid, credentials: undefined }, /credentials are required/],
    [{ ...valid, credentials: { username: "", password } }, /username must be a non-empty string/],
    [{ ...valid, credentials: { username: "a:b", password } }, /must not contain ':'/],
    [{ ...valid, credentials: { username: "issuer", password: "" } }, /password must be a non-empty string/],
    [{ ...valid, credentials: { username: "issuer" } }, /password must be a non-empty string/],
    [{ ...valid, credentials: { token: "" } }, /token must be a non-empty string/],
    [{ ...valid, auditUser: "" }, /auditUser must be a non-empty string/],
    [{ ...valid, auditUser: undefined }, /auditUser must be a non-empty string/],
    [{ ...valid, maxRetries: -1 }, /maxRetries must be an integer/],
    [{ ...valid, timeout: 0 }, /timeout must be a positive number/],
  ])("refuses %o", (options, message) => {
    expect(failure(options).message).toMatch(message);
  });

  it("accepts a bearer token through the same credentials option", async () => {
    const seen: string[] = [];
    const client = createEnfuceClient(
      {
        ...valid,
        credentials: { token: "tok-123" },
        fetch: async (request: Request) => {
          seen.push(request.headers.get("authorization") ?? "");
          return Response.json({});
        },
      },
      { ...spec, operations: { "GET /ping": { operationId: "ping" } } },
    );
    await (client.GET as (path: string) => Promise<unknown>)("/ping");
    expect(seen).toEqual(["Bearer tok-123"]);
  });
});
