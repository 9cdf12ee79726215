// The logging step: which level each line gets, and what it names.
import { describe, expect, test } from "vitest";
import { logAnswer, logConnectionFailure, logStatusRetry } from "../../src/call/log";
import type { CallPlan } from "../../src/call/plan";
import { ConnectionError, TimeoutError } from "../../src/index";
import { createLogSink, type LogLevel } from "../../src/log";

const plan = { method: "GET", path: "/items/{itemId}" } as CallPlan;
const context = { method: "GET", path: "/items/{itemId}", attempts: 1 };

function sink(level: LogLevel) {
  const lines: { level: string; message: string; fields: Record<string, unknown> }[] = [];
  const keep =
    (name: string) =>
    (message: string, fields: Record<string, unknown> = {}) =>
      void lines.push({ level: name, message, fields });
  const logger = { error: keep("error"), warn: keep("warn"), info: keep("info"), debug: keep("debug") };
  return { log: createLogSink(logger, level, (text) => text), lines };
}

describe("logAnswer", () => {
  test("at debug: method, path template, status, attempt, duration and request id", () => {
    const { log, lines } = sink("debug");
    logAnswer(log, plan, 2, 503, performance.now(), "r-1");
    expect(lines).toEqual([
      {
        level: "debug",
        message: "[enfuce] GET /items/{itemId} -> 503",
        fields: {
          method: "GET",
          path: "/items/{itemId}",
          status: 503,
          attempt: 2,
          durationMs: expect.any(Number),
          requestId: "r-1",
        },
      },
    ]);
  });

  test("nothing below debug", () => {
    const { log, lines } = sink("info");
    logAnswer(log, plan, 1, 200, performance.now(), undefined);
    expect(lines).toEqual([]);
  });
});

test("logStatusRetry is info", () => {
  const { log, lines } = sink("info");
  logStatusRetry(log, plan, 1, 503);
  expect(lines.map((line) => `${line.level} ${line.message}`)).toEqual([
    "info [enfuce] GET /items/{itemId} answered 503; retrying",
  ]);
});

describe("logConnectionFailure", () => {
  test.each([
    { retrying: true, failure: new ConnectionError("c", context), level: "info" },
    { retrying: false, failure: new ConnectionError("c", context), level: "warn" },
    { retrying: false, failure: new TimeoutError("t", context), level: "warn" },
  ])("retrying $retrying: $level", ({ retrying, failure, level }) => {
    const { log, lines } = sink("debug");
    logConnectionFailure(log, plan, 1, failure, performance.now(), retrying);
    expect(lines).toEqual([
      {
        level,
        message: `[enfuce] GET /items/{itemId} failed: ${failure.name}`,
        fields: {
          method: "GET",
          path: "/items/{itemId}",
          attempt: 1,
          durationMs: expect.any(Number),
          error: failure.name,
        },
      },
    ]);
  });
});
