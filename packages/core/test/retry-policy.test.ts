// The retry policy, one table per decision: which statuses and failures are repeated, for which
// calls, how many times, and how long the client waits first.
import { describe, expect, test } from "vitest";
import { ConnectionError, RequestAbortedError, TimeoutError } from "../src/index";
import {
  hasRetriesLeft,
  isSafeToRepeat,
  parseRetryAfter,
  provablyNotSent,
  retryDelayMs,
  shouldRetryFailure,
  shouldRetryStatus,
} from "../src/retry";

const context = { method: "POST", path: "/items", attempts: 1 };
const refused = Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
const reset = Object.assign(new Error("socket hang up"), { code: "ECONNRESET" });

describe("isSafeToRepeat", () => {
  test.each([
    { method: "GET", keyed: false, optIn: undefined, safe: true },
    { method: "HEAD", keyed: false, optIn: undefined, safe: true },
    { method: "OPTIONS", keyed: false, optIn: undefined, safe: true },
    { method: "PUT", keyed: false, optIn: undefined, safe: true },
    { method: "DELETE", keyed: false, optIn: undefined, safe: true },
    { method: "POST", keyed: false, optIn: undefined, safe: false },
    { method: "PATCH", keyed: false, optIn: undefined, safe: false },
    { method: "POST", keyed: true, optIn: undefined, safe: true },
    { method: "PATCH", keyed: true, optIn: undefined, safe: true },
    { method: "POST", keyed: false, optIn: true, safe: true },
    { method: "GET", keyed: false, optIn: false, safe: false },
    { method: "POST", keyed: true, optIn: false, safe: false },
  ])("$method, key $keyed, retry $optIn: $safe", ({ method, keyed, optIn, safe }) => {
    expect(isSafeToRepeat(method, keyed, optIn)).toBe(safe);
  });
});

describe("shouldRetryStatus", () => {
  test.each([
    ...[408, 429, 500, 502, 503, 504].map((status) => ({ status, safe: true, retry: true })),
    ...[400, 401, 403, 404, 409, 422, 501, 505, 200, 301].map((status) => ({ status, safe: true, retry: false })),
    { status: 503, safe: false, retry: false },
    { status: 429, safe: false, retry: false },
  ])("$status, safe to repeat $safe: $retry", ({ status, safe, retry }) => {
    expect(shouldRetryStatus(status, safe)).toBe(retry);
  });
});

describe("shouldRetryFailure", () => {
  test.each([
    { name: "timeout, safe", failure: new TimeoutError("t", context), safe: true, optIn: undefined, retry: true },
    { name: "timeout, unsafe", failure: new TimeoutError("t", context), safe: false, optIn: undefined, retry: false },
    {
      name: "reset, safe",
      failure: new ConnectionError("c", context, { cause: reset }),
      safe: true,
      optIn: undefined,
      retry: true,
    },
    {
      name: "reset, unsafe",
      failure: new ConnectionError("c", context, { cause: reset }),
      safe: false,
      optIn: undefined,
      retry: false,
    },
    {
      name: "refused, unsafe: nothing was sent",
      failure: new ConnectionError("c", context, { cause: refused }),
      safe: false,
      optIn: undefined,
      retry: true,
    },
    {
      name: "refused, retry: false",
      failure: new ConnectionError("c", context, { cause: refused }),
      safe: false,
      optIn: false,
      retry: false,
    },
    { name: "caller's abort", failure: new RequestAbortedError("a", context), safe: true, optIn: true, retry: false },
    { name: "any other error", failure: new Error("middleware"), safe: true, optIn: true, retry: false },
  ])("$name: $retry", ({ failure, safe, optIn, retry }) => {
    expect(shouldRetryFailure(failure, safe, optIn)).toBe(retry);
  });
});

describe("hasRetriesLeft", () => {
  test.each([
    { attempt: 1, maxRetries: 0, left: false },
    { attempt: 1, maxRetries: 2, left: true },
    { attempt: 2, maxRetries: 2, left: true },
    { attempt: 3, maxRetries: 2, left: false },
  ])("attempt $attempt of maxRetries $maxRetries: $left", ({ attempt, maxRetries, left }) => {
    expect(hasRetriesLeft(attempt, maxRetries)).toBe(left);
  });
});

describe("provablyNotSent", () => {
  test.each([
    { name: "ECONNREFUSED", error: refused, notSent: true },
    {
      name: "ENOTFOUND in a cause",
      error: new TypeError("fetch failed", { cause: { code: "ENOTFOUND" } }),
      notSent: true,
    },
    { name: "ECONNRESET", error: reset, notSent: false },
    {
      name: "a server certificate not trusted",
      error: new TypeError("fetch failed", { cause: { code: "SELF_SIGNED_CERT_IN_CHAIN" } }),
      notSent: true,
    },
    {
      name: "a tunnel the proxy refused",
      error: new TypeError("fetch failed", { cause: new Error("Proxy response (407) !== 200 when HTTP Tunneling") }),
      notSent: true,
    },
    { name: "no code", error: new TypeError("fetch failed"), notSent: false },
    { name: "nothing", error: undefined, notSent: false },
  ])("$name: $notSent", ({ error, notSent }) => {
    expect(provablyNotSent(error)).toBe(notSent);
  });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("2025-01-01T00:00:00Z");
  test.each([
    { value: "3", ms: 3000 },
    { value: " 1.5 ", ms: 1500 },
    { value: "Wed, 01 Jan 2025 00:00:02 GMT", ms: 2000 },
    { value: "Tue, 31 Dec 2024 23:59:00 GMT", ms: 0 },
    { value: "soon", ms: undefined },
    { value: null, ms: undefined },
  ])("$value: $ms", ({ value, ms }) => {
    expect(parseRetryAfter(value, now)).toBe(ms);
  });
});

describe("retryDelayMs", () => {
  const noJitter = () => 0;
  const fullJitter = () => 1;
  test.each([
    { retry: 1, retryAfter: null, backoff: {}, random: noJitter, ms: 500 },
    { retry: 2, retryAfter: null, backoff: {}, random: noJitter, ms: 1000 },
    { retry: 3, retryAfter: null, backoff: {}, random: fullJitter, ms: 1500 },
    { retry: 10, retryAfter: null, backoff: {}, random: noJitter, ms: 8000 },
    { retry: 2, retryAfter: null, backoff: { initialDelayMs: 10, maxDelayMs: 15 }, random: noJitter, ms: 15 },
    { retry: 1, retryAfter: "2", backoff: {}, random: noJitter, ms: 2000 },
    { retry: 1, retryAfter: "3600", backoff: {}, random: noJitter, ms: 60_000 },
    { retry: 1, retryAfter: "3600", backoff: { maxRetryAfterMs: 20 }, random: noJitter, ms: 20 },
    { retry: 1, retryAfter: "garbage", backoff: {}, random: noJitter, ms: 500 },
  ])("retry $retry, Retry-After $retryAfter, $backoff: $ms ms", ({ retry, retryAfter, backoff, random, ms }) => {
    expect(retryDelayMs(retry, retryAfter, backoff, random)).toBe(ms);
  });
});
