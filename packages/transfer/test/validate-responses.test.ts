// validateResponses with this package's generated checks (its `validators` entry), against a real
// server on 127.0.0.1 that answers what the test scripts: drift is reported once per operation and
// place (logger and onDrift), a broken answer fails the call with a ResponseValidationError naming
// the place, and with "off" the entry is never loaded.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  type ClientOptions,
  createTransferClient,
  type Logger,
  type ResponseDrift,
  ResponseValidationError,
} from "../src";

// Counts the loads of the validators entry; it is the real module all the same.
const entry = vi.hoisted(() => ({ loads: 0 }));
vi.mock("../src/generated/validators", async (original) => {
  entry.loads++;
  return original();
});

const STATUS = "GET /v1/a2a/batches/{id}/status";
const batch = { params: { path: { id: "11221122" } } };
const credentials = { username: "validate-user", password: "validate-secret" };

let body: unknown;
const server = createServer((_request, response) => {
  response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
});
let baseUrl = "";
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** The documented example of the answer, from the generated facts. */
async function documented(): Promise<Record<string, unknown>> {
  // Read past the mock, so that only the client's loads are counted.
  const { operationFacts } =
    await vi.importActual<typeof import("../src/generated/validators")>("../src/generated/validators");
  return structuredClone(operationFacts[STATUS]?.responses["200"]?.example) as Record<string, unknown>;
}

function client<const Options extends Partial<ClientOptions>>(options: Options) {
  const drifts: ResponseDrift[] = [];
  const warnings: string[] = [];
  const logger: Logger = { warn: (message) => warnings.push(message), info() {}, error() {}, debug() {} };
  const created = createTransferClient({
    baseUrl,
    credentials,
    auditUser: "validate-test",
    logger,
    onDrift: (drift) => drifts.push(drift),
    ...options,
  });
  return { client: created, drifts, warnings };
}

describe('"off" (the default)', () => {
  it("never loads the validators entry, whatever the answer", async () => {
    body = { id: 7, colour: "red" };
    const { client: plain, drifts } = client({});

    expect((await plain.GET("/v1/a2a/batches/{id}/status", batch)).data).toEqual({ id: 7, colour: "red" });
    expect(drifts).toEqual([]);
    expect(entry.loads).toBe(0);
  });
});

describe('"warn"', () => {
  it("reports an unknown member and an unknown enum value once per operation and place", async () => {
    body = { ...(await documented()), status: "PAUSED", settlementBatch: "S-1" };
    const { client: warned, drifts, warnings } = client({ validateResponses: "warn" });

    for (let call = 0; call < 3; call++) {
      expect((await warned.GET("/v1/a2a/batches/{id}/status", batch)).data).toEqual(body);
    }

    expect(entry.loads).toBe(1);
    expect(drifts).toEqual([
      expect.objectContaining({
        path: "/v1/a2a/batches/{id}/status",
        operationId: "getAccountToAccountBatchTransferStatus",
        status: 200,
        pointer: "/status",
        kind: "unknown-value",
        value: "PAUSED",
      }),
      expect.objectContaining({ pointer: "/settlementBatch", kind: "unknown-member" }),
    ]);
    expect(warnings).toEqual([
      expect.stringMatching(/^\[enfuce\] GET \/v1\/a2a\/batches\/\{id\}\/status: answer 200 differs .* at \/status: /),
      expect.stringMatching(/at \/settlementBatch: is a member the spec does not document$/),
    ]);
    expect(JSON.stringify([drifts, warnings])).not.toContain("S-1");
  });

  it("a documented answer is no drift", async () => {
    body = await documented();
    const { client: warned, drifts, warnings } = client({ validateResponses: "warn" });

    await warned.GET("/v1/a2a/batches/{id}/status", batch);

    expect([drifts, warnings]).toEqual([[], []]);
  });
});

describe('"error"', () => {
  it("tolerates drift: the call returns its data", async () => {
    body = { ...(await documented()), status: "PAUSED" };
    const { client: strict, drifts } = client({ validateResponses: "error" });

    const { data, error } = await strict.GET("/v1/a2a/batches/{id}/status", batch);

    expect([data, error]).toEqual([body, undefined]);
    expect(drifts.map((drift) => drift.kind)).toEqual(["unknown-value"]);
  });

  it.each([
    ["a wrong type", { transferItemCount: "two" }, "/transferItemCount", "must be integer"],
    ["a missing required member", { startTime: undefined }, "/startTime", "is required"],
  ])("%s is the result's error by default, and rejects with throwOnError", async (_, change, pointer, message) => {
    body = { ...(await documented()), ...change };
    const { client: strict } = client({ validateResponses: "error" });

    const { data, error, response } = await strict.GET("/v1/a2a/batches/{id}/status", batch);
    const thrown = await strict.GET("/v1/a2a/batches/{id}/status", { ...batch, throwOnError: true }).catch((e) => e);

    expect(data).toBeUndefined();
    expect(response.status).toBe(200);
    for (const failure of [error, thrown]) {
      expect(failure).toBeInstanceOf(ResponseValidationError);
      expect(failure).toMatchObject({ pointer, status: 200, problems: [{ field: pointer, message }] });
      expect((failure as Error).message).toBe(
        `GET /v1/a2a/batches/{id}/status: 200 with a body that does not match the spec: ${pointer} ${message} (1 attempt)`,
      );
      expect(JSON.stringify(failure)).not.toMatch(/two|validate-secret/);
    }
  });
});
