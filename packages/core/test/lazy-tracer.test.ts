// The tracer made once @opentelemetry/api has loaded. This file loads the API first: each test file
// has its own module instances, so the load starts here.
import { describe, expect, it } from "vitest";
import { createLogSink } from "../src/log";
import { LazyTracer } from "../src/tracing/lazy-tracer";

const quiet = createLogSink(undefined, "error", (text) => text);

describe("lazy tracer", () => {
  it("gives every call the same promise while the API loads, then the tracer itself", async () => {
    let made = 0;
    const tracing = new LazyTracer(undefined, quiet, () => ++made);
    const first = tracing.current();
    const second = tracing.current();

    expect(first).toBeInstanceOf(Promise);
    expect(second).toBe(first);
    expect(await first).toBe(1);
    expect(tracing.current()).toBe(1);
    expect(made).toBe(1);
  });
});
