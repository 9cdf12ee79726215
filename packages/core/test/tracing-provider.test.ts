// Whether a call needs a span at all: not while no provider is given or registered globally.
import * as api from "@opentelemetry/api";
import { afterEach, describe, expect, it } from "vitest";
import { noProviderCheck } from "../src/tracing/provider";
import { recordSpans } from "./support/spans";

afterEach(() => api.trace.disable());

describe("noProviderCheck", () => {
  it("follows the global provider as it is registered and removed", () => {
    const noProvider = noProviderCheck(api, undefined);
    expect(noProvider()).toBe(true);
    api.trace.setGlobalTracerProvider(recordSpans().provider);
    expect(noProvider()).toBe(false);
    api.trace.disable();
    expect(noProvider()).toBe(true);
  });

  it("never skips a provider given as an option", () => {
    expect(noProviderCheck(api, recordSpans().provider)()).toBe(false);
  });
});
