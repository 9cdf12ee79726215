import { contractCases, mockUrl } from "@enfuce-sdk/mock/contract";
import { describe, expect, it } from "vitest";
import { createAccountClient } from "../src";

// Every operation of specs/account.yaml, called through the typed client against Prism with the
// documented examples; the answer must have a documented success status and match its schema.
const cases = await contractCases("account");
const client = createAccountClient({
  baseUrl: mockUrl(),
  credentials: { username: "contract-test", password: "contract-secret" },
  auditUser: "contract-test",
  maxRetries: 0,
});

describe("account contract against Prism", () => {
  it("covers every operation of the spec", () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  it.each(cases)("$name", async ({ method, path, params, body, successStatuses, validate }) => {
    // biome-ignore lint/suspicious/noExplicitAny: cases are built at run time from the spec; typing is covered by the type tests
    const call = (client as any)[method];
    const result = await call(path, { params, body });
    const status = String(result.response.status);
    expect(
      successStatuses.some((code: string) => code === status || code === `${status[0]}XX`),
      `status ${status}: ${JSON.stringify(result.error)}`,
    ).toBe(true);
    expect(validate(result.response.status, result.data)).toEqual([]);
  });
});
