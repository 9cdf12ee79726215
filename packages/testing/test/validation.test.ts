// Requests are checked against the spec before anything happens: the documented status, Enfuce's
// error body, and a message that names the field.
import { createInstalmentClient } from "@enfuce-sdk/instalment";
import { createWalletClient } from "@enfuce-sdk/wallet";
import { describe, expect, it } from "vitest";
import { createSandbox } from "../src";
import { clientsOf, createCustomer } from "./support/world";

const sandbox = createSandbox({ seed: "validation" });
const authorization = `Basic ${Buffer.from("sandbox:sandbox-password").toString("base64")}`;
const raw = (path: string, init: RequestInit = {}) =>
  sandbox.fetch(`https://any.host${path}`, {
    ...init,
    headers: { authorization, "content-type": "application/json", ...init.headers },
  });

describe("request validation", () => {
  it("refuses a page size over the documented maximum, naming the parameter", async () => {
    const instalments = createInstalmentClient({
      ...sandbox.clientOptions("instalment"),
      auditUser: "t",
      maxRetries: 0,
    });
    const { error, response } = await instalments.GET("/v1/account/{accountId}", {
      params: { path: { accountId: "1" }, query: { size: 101 } },
    });
    expect(response.status).toBe(400);
    expect(error).toMatchObject({
      code: 400,
      errorCode: "400",
      errorType: "STATIC_VALIDATION_ERROR",
      errorReason: "query parameter size must be <= 100",
      message: "Validation failed: query parameter size must be <= 100",
    });
  });

  it("refuses a call without auditUser where the spec requires it", async () => {
    const response = await raw("/instalment/v1/123");
    expect(response.status).toBe(400);
    expect((await response.json()).errorReason).toBe("query parameter auditUser is required");
  });

  it("names a missing body member by its path", async () => {
    const response = await raw("/customer/v3/PRIVATE?auditUser=t", {
      method: "POST",
      body: JSON.stringify({ customerNumber: "C", locale: "fi_FI", regNo: "1", address: {}, firstName: "A" }),
    });
    expect(response.status).toBe(400);
    expect((await response.json()).errorReason).toBe("body member lastName is required");
  });

  it("names a nested member with its index", async () => {
    const response = await raw("/transfer/v1/a2a/batches?auditUser=t", {
      method: "POST",
      body: JSON.stringify({ transfers: [{ fromAccountId: "1", toAccountId: "2", amount: 1, currency: "euro" }] }),
    });
    expect((await response.json()).errorReason).toBe(
      'body member transfers[0].currency must match pattern "^[A-Z]{3}$"',
    );
  });

  it("refuses a body that is not JSON", async () => {
    const response = await raw("/customer/v3/PRIVATE?auditUser=t", { method: "POST", body: "{not json" });
    expect(response.status).toBe(400);
    expect((await response.json()).errorReason).toBe("the request body is not valid JSON");
  });

  it("refuses a path parameter of the wrong type", async () => {
    const wallet = createWalletClient({ ...sandbox.clientOptions("wallet"), auditUser: "t", maxRetries: 0 });
    const { response, error } = await wallet.POST("/v1/{cardId}/provision/applepay", {
      // biome-ignore lint/suspicious/noExplicitAny: a wrong type on purpose
      params: { path: { cardId: "not-a-number" as any } },
      body: { certificates: ["a"], nonce: "b", nonceSignature: "c" },
    });
    expect(response.status).toBe(400);
    expect(error).toMatchObject({ errorReason: "path parameter cardId must be integer" });
  });

  it("changes nothing when it refuses", async () => {
    const before = sandbox.state.customers.size;
    await raw("/customer/v3/PRIVATE?auditUser=t", { method: "POST", body: JSON.stringify({}) });
    expect(sandbox.state.customers.size).toBe(before);
  });
});

describe("credentials", () => {
  it("answers 401 to other credentials and to none", async () => {
    const stranger = createInstalmentClient({
      ...sandbox.clientOptions("instalment"),
      credentials: { username: "sandbox", password: "guess" },
      auditUser: "t",
      maxRetries: 0,
    });
    const { response, error } = await stranger.GET("/v1/{instalmentId}", { params: { path: { instalmentId: "1" } } });
    expect(response.status).toBe(401);
    expect(error).toMatchObject({ code: 401, message: "Unauthorized: the credentials are missing or wrong" });
    const anonymous = await sandbox.fetch("https://x/instalment/v1/1?auditUser=t");
    expect(anonymous.status).toBe(401);
  });

  it("accepts a bearer token when created with one", async () => {
    const tokenSandbox = createSandbox({ credentials: [{ token: "t0k3n" }, { username: "ops", password: "pw" }] });
    const clients = clientsOf(tokenSandbox);
    expect(tokenSandbox.credentials).toEqual({ token: "t0k3n" });
    await expect(createCustomer(clients)).resolves.toMatch(/^\d{9}$/);
  });
});

describe("routing", () => {
  it("answers 404 for a path no spec documents and 405 for a documented path with another method", async () => {
    expect((await raw("/instalment/v9/nothing?auditUser=t")).status).toBe(404);
    const wrongMethod = await raw("/instalment/v1/123?auditUser=t", { method: "DELETE" });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get("allow")).toBe("GET");
  });

  it("serves any host, so clients configured for an environment work unchanged", async () => {
    const instalments = createInstalmentClient({
      environment: "demo",
      realm: "test",
      credentials: sandbox.credentials,
      auditUser: "t",
      fetch: sandbox.fetch,
      maxRetries: 0,
    });
    const { response } = await instalments.GET("/v1/{instalmentId}", { params: { path: { instalmentId: "9" } } });
    expect(response.status).toBe(404);
  });
});
