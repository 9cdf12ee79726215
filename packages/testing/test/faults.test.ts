// Faults on demand, seen through a client's own retry and timeout handling.
import { ConnectionError, ServerError, TimeoutError } from "@enfuce-sdk/core";
import { createInstalmentClient } from "@enfuce-sdk/instalment";
import { describe, expect, it } from "vitest";
import { createSandbox } from "../src";
import { clientsOf, createCustomer } from "./support/world";

const instalmentsOf = (sandbox: ReturnType<typeof createSandbox>, options: { maxRetries: number; timeout?: number }) =>
  createInstalmentClient({
    ...sandbox.clientOptions("instalment"),
    auditUser: "faults",
    retryBackoff: { initialDelayMs: 1, maxDelayMs: 5 },
    ...options,
  });

/** A client that throws the SDK's typed errors and never retries. */
const throwingClient = (sandbox: ReturnType<typeof createSandbox>, extra: { timeout?: number } = {}) =>
  createInstalmentClient({
    ...sandbox.clientOptions("instalment"),
    auditUser: "f",
    maxRetries: 0,
    throwOnError: true,
    ...extra,
  });
const readPlan = (client: ReturnType<typeof throwingClient>) =>
  client.GET("/v1/{instalmentId}", { params: { path: { instalmentId: "1" } } });

const getPlan = (client: ReturnType<typeof instalmentsOf>) =>
  client.GET("/v1/{instalmentId}", { params: { path: { instalmentId: "1" } } });

describe("sandbox.fail", () => {
  it("fails the given number of times; a client's retries get through after", async () => {
    const sandbox = createSandbox();
    const fault = sandbox.fail("GET /instalment/v1/{instalmentId}", { status: 503, times: 2 });
    const { response, attempts } = (await getPlan(instalmentsOf(sandbox, { maxRetries: 2 }))) as never as {
      response: Response;
      attempts: number;
    };
    expect(response.status).toBe(404);
    expect(attempts).toBe(3);
    expect(fault).toMatchObject({ triggered: 2, remaining: 0 });
    expect(sandbox.requests.map((r) => r.status)).toEqual([503, 503, 404]);
  });

  it("sends Retry-After and Enfuce's error body", async () => {
    const sandbox = createSandbox();
    sandbox.fail("getInstalmentById", { status: 429, retryAfter: 7 });
    const response = await sandbox.fetch("https://x/instalment/v1/1?auditUser=a");
    expect(response.headers.get("retry-after")).toBe("7");
    expect(await response.json()).toMatchObject({
      code: 429,
      errorReason: 'failed on purpose by sandbox.fail("getInstalmentById")',
    });
  });

  it("ends in a client's ServerError once its retries are spent, until cleared", async () => {
    const sandbox = createSandbox();
    const fault = sandbox.fail("* /instalment/*", { status: 500 });
    await expect(getPlan(instalmentsOf(sandbox, { maxRetries: 1 })).then((r) => r)).resolves.toMatchObject({
      response: { status: 500 },
    });
    await expect(readPlan(throwingClient(sandbox))).rejects.toBeInstanceOf(ServerError);
    fault.clear();
    expect((await getPlan(instalmentsOf(sandbox, { maxRetries: 0 }))).response.status).toBe(404);
  });

  it("delays past a client's timeout", async () => {
    const sandbox = createSandbox();
    // Longer than the test may run: the client's abort must end the delay for the call to settle.
    sandbox.fail("GET /v1/{instalmentId}", { delayMs: 600_000 });
    await expect(readPlan(throwingClient(sandbox, { timeout: 50 }))).rejects.toBeInstanceOf(TimeoutError);
    expect(sandbox.requests[0]).toMatchObject({ fault: "GET /v1/{instalmentId}" });
    expect(sandbox.requests[0]?.status).toBeUndefined();
  });

  it("drops the connection, which a client reports as a ConnectionError", async () => {
    const sandbox = createSandbox();
    sandbox.fail("getInstalmentById", { drop: true });
    await expect(readPlan(throwingClient(sandbox))).rejects.toBeInstanceOf(ConnectionError);
    expect(sandbox.requests[0]).toMatchObject({ dropped: true, fault: "getInstalmentById" });
  });

  it("leaves the state as it was when it fails a request before processing", async () => {
    const sandbox = createSandbox();
    sandbox.fail("POST /customer/v3/PRIVATE", { status: 503, times: 1 });
    const clients = clientsOf(sandbox);
    await expect(createCustomer(clients)).rejects.toMatchObject({ status: 503 });
    expect(sandbox.state.customers.size).toBe(0);
  });

  it.each([
    [{}, "give a status, drop: true or delayMs"],
    [{ status: 99 }, "status must be an HTTP status code"],
    [{ drop: true, status: 500 }, "give one of drop and status"],
    [{ status: 500, times: 0 }, "times must be a positive integer"],
  ])("refuses unclear options %j", (options, message) => {
    expect(() => createSandbox().fail("GET /x", options)).toThrow(message);
  });
});
