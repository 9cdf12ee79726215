import { typeTestOptions } from "@enfuce-sdk/test-kit/type-tests";
import { describe, expectTypeOf, it } from "vitest";
import { createPinControlClient, type PinControlScope, type PinControlToken } from "../src";

const client = createPinControlClient(typeTestOptions);

describe("pin-control client types", () => {
  it("types the token answer from the spec", async () => {
    const { data } = await client.POST("/v2/plastic/{plasticId}", {
      params: { path: { plasticId: "123456" } },
      body: { scope: "VIEW_PIN" },
    });
    expectTypeOf(data).toEqualTypeOf<PinControlToken | undefined>();
    // the id is always there: it is the controlId the page and the Card PIN API need
    expectTypeOf<PinControlToken["id"]>().toEqualTypeOf<string>();
    expectTypeOf<PinControlToken["pinURL"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<PinControlToken["pinFrameURL"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<PinControlScope>().toEqualTypeOf<"VIEW_PIN" | "SET_PIN">();
  });

  it("does not demand auditUser, which the client sends", async () => {
    const { data } = await client.POST("/v1/card/{cardId}/plastic/{plasticId}", {
      params: { path: { cardId: "1", plasticId: "2" } },
      body: { scope: "SET_PIN" },
    });
    expectTypeOf(data).toEqualTypeOf<PinControlToken | undefined>();
  });

  it("rejects what the spec does not allow", async () => {
    // @ts-expect-error: no such path
    await client.POST("/v2/card/{cardId}", { params: { path: { cardId: "1" } }, body: { scope: "VIEW_PIN" } });
    // @ts-expect-error: the plastic id is missing
    await client.POST("/v2/plastic/{plasticId}", { params: { path: {} }, body: { scope: "VIEW_PIN" } });
    // @ts-expect-error: the scope is required
    await client.POST("/v2/plastic/{plasticId}", { params: { path: { plasticId: "1" } }, body: {} });
    await client.POST("/v2/plastic/{plasticId}", {
      params: { path: { plasticId: "1" } },
      // @ts-expect-error: not a scope of the API
      body: { scope: "RESET_PIN" },
    });
  });
});
