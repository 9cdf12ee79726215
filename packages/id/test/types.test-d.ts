import { typeTestOptions } from "@enfuce-sdk/test-kit/type-tests";
import { describe, expectTypeOf, it } from "vitest";
import {
  type AuthenticationInitiation,
  type AuthenticationResultValue,
  createIdClient,
  createIdHandler,
  type ErrorBody,
  RawErrorBody,
} from "../src";

const client = createIdClient(typeTestOptions);
const session = { institutionCode: "1234", customerNumber: "5678", sessionId: "5d3a3e10-b511-42cd-b9b6-1f2a5701ba98" };

describe("id client types", () => {
  it("types the callback from the spec", async () => {
    const { error } = await client.POST("/v1/callback/{institutionCode}/{customerNumber}/{sessionId}", {
      params: { path: session },
      body: { result: "SUCCESS" },
    });
    // the documented validation error, for a late or malformed report; RawErrorBody when no JSON came
    if (error && !(error instanceof RawErrorBody))
      expectTypeOf(error.errorType).toEqualTypeOf<ErrorBody["errorType"]>();
    expectTypeOf<AuthenticationResultValue>().toEqualTypeOf<"SUCCESS" | "FAIL" | "ERROR" | "TIMEOUT">();
  });

  it("hands the webhook payload and session to the handler, typed", () => {
    createIdHandler({
      credentials: { username: "enfuce", password: "p" },
      onAuthenticationRequest: (request, { params }) => {
        expectTypeOf(request).toEqualTypeOf<AuthenticationInitiation>();
        expectTypeOf(request.callbackUrl).toEqualTypeOf<string>();
        expectTypeOf(params.sessionId).toEqualTypeOf<string>();
      },
    });
  });

  it("rejects what the spec does not allow", async () => {
    // @ts-expect-error: no such path (the webhook path is served by the issuer, not called)
    await client.POST("/v1/authenticate/{customerNumber}/{sessionId}", { params: { path: session } });
    await client.POST("/v1/callback/{institutionCode}/{customerNumber}/{sessionId}", {
      // @ts-expect-error: the session id is missing
      params: { path: { institutionCode: "1234", customerNumber: "5678" } },
      body: { result: "SUCCESS" },
    });
    await client.POST("/v1/callback/{institutionCode}/{customerNumber}/{sessionId}", {
      params: { path: session },
      // @ts-expect-error: the result is required
      body: {},
    });
    await client.POST("/v1/callback/{institutionCode}/{customerNumber}/{sessionId}", {
      params: { path: session },
      // @ts-expect-error: not a documented result
      body: { result: "APPROVED" },
    });
  });
});
