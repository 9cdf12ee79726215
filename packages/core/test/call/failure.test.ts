// Failure classification: what a thrown attempt stands for.
import { describe, expect, test } from "vitest";
import { classifyFailure } from "../../src/call/failure";
import type { CallPlan } from "../../src/call/plan";
import { ConfigurationError, ConnectionError, RequestAbortedError, TimeoutError } from "../../src/index";

const plan = (signal?: AbortSignal) =>
  ({ method: "GET", path: "/items/{itemId}", operationId: "getItem", timeout: 150, signal }) as CallPlan;
const refused = new TypeError("fetch failed", { cause: { code: "ECONNREFUSED" } });
const middlewareError = new Error("from a middleware");

describe("classifyFailure", () => {
  test.each([
    {
      name: "the caller aborted",
      error: refused,
      signal: AbortSignal.abort(),
      timedOut: true,
      as: RequestAbortedError,
    },
    { name: "its own timeout fired", error: new DOMException("x", "AbortError"), timedOut: true, as: TimeoutError },
    { name: "fetch's TypeError", error: refused, timedOut: false, as: ConnectionError },
    {
      name: "a socket error with a code",
      error: Object.assign(new Error("x"), { code: "ECONNRESET" }),
      timedOut: false,
      as: ConnectionError,
    },
    {
      name: "a bad path parameter",
      error: new ConfigurationError("path parameter itemId is required"),
      timedOut: false,
      as: ConfigurationError,
    },
  ])("$name: $as.name", ({ error, signal, timedOut, as }) => {
    const classified = classifyFailure(error, plan(signal), 2, timedOut);
    expect((classified as Error).constructor).toBe(as);
  });

  test("a connection failure says whether anything was sent, and how many attempts were made", () => {
    const failure = classifyFailure(refused, plan(), 3, false) as ConnectionError;
    expect(failure.message).toBe("GET /items/{itemId}: connection failed before the request was sent (3 attempts)");
    expect(failure.cause).toBe(refused);
  });

  test("a connection refused by the TLS handshake or the proxy says why", () => {
    const untrusted = new TypeError("fetch failed", { cause: { code: "UNABLE_TO_VERIFY_LEAF_SIGNATURE" } });
    const failure = classifyFailure(untrusted, plan(), 1, false) as ConnectionError;
    expect(failure.message).toBe(
      "GET /items/{itemId}: connection failed before the request was sent: the server's certificate is not trusted (UNABLE_TO_VERIFY_LEAF_SIGNATURE; a private CA goes in tls.ca) (1 attempt)",
    );
  });

  test("a ConfigurationError raised while building the request is given the call it is about", () => {
    const raised = new ConfigurationError("path parameter itemId is required");
    const failure = classifyFailure(raised, plan(), 1, false) as ConfigurationError;
    expect(failure).toMatchObject({ method: "GET", path: "/items/{itemId}", operationId: "getItem", cause: raised });
    expect(failure.message).toBe("GET /items/{itemId} (getItem): path parameter itemId is required");
  });

  test("anything else passes unchanged", () => {
    expect(classifyFailure(middlewareError, plan(), 1, false)).toBe(middlewareError);
  });
});
