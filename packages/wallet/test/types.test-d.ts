import { typeTestOptions } from "@enfuce-sdk/test-kit/type-tests";
import { describe, expectTypeOf, it } from "vitest";
import {
  type ApplePayProvisioningResponse,
  type ClickToPayResponse,
  createWalletClient,
  type Token,
  type TokenStatus,
} from "../src";

const client = createWalletClient(typeTestOptions);

const fromPassKit = { certificates: ["MIIB..."], nonce: "9c02f5ad", nonceSignature: "a1b2c3" };

describe("wallet client types", () => {
  it("types push provisioning from the spec", async () => {
    const { data } = await client.POST("/v1/{cardId}/provision/applepay", {
      params: { path: { cardId: 123456789 } },
      body: fromPassKit,
    });
    expectTypeOf(data).toEqualTypeOf<ApplePayProvisioningResponse | undefined>();
    // all three go to PassKit as they are
    expectTypeOf<ApplePayProvisioningResponse>().toEqualTypeOf<{
      activationData: string;
      encryptedPassData: string;
      ephemeralPublicKey: string;
    }>();
  });

  it("types tokens and their status", async () => {
    const { data } = await client.GET("/v1/card/{cardId}/tokens", { params: { path: { cardId: "123456789" } } });
    expectTypeOf(data).toEqualTypeOf<Token[] | undefined>();
    expectTypeOf<Token["status"]>().toEqualTypeOf<TokenStatus | undefined>();
    expectTypeOf<TokenStatus>().toEqualTypeOf<
      "ACTIVE" | "DEACTIVATED" | "INACTIVE" | "SUSPENDED" | "SOFTDELETED" | (string & {})
    >();
  });

  it("does not demand auditUser, which the client sends", async () => {
    await client.PUT("/v1/tokens/{tokenId}/{action}", { params: { path: { tokenId: "987654", action: "suspend" } } });
    const { data } = await client.POST("/v1/click2pay/VISA/enroll/customer/{customerId}", {
      params: { path: { customerId: "1" } },
      body: { cardId: ["123456789"], customerBID: "10048593" },
    });
    expectTypeOf(data).toEqualTypeOf<ClickToPayResponse | undefined>();
  });

  it("rejects what the spec does not allow", async () => {
    // @ts-expect-error: no such path
    await client.POST("/v1/{cardId}/provision/paypal", { params: { path: { cardId: 1 } }, body: fromPassKit });
    await client.POST("/v3/{cardId}/activate", {
      // @ts-expect-error: the card id of this operation is an integer
      params: { path: { cardId: "123456789" } },
    });
    await client.POST("/v1/{cardId}/provision/applepay", {
      params: { path: { cardId: 1 } },
      // @ts-expect-error: the nonce signature from PassKit is required
      body: { certificates: ["MIIB..."], nonce: "9c02f5ad" },
    });
    await client.POST("/v1/click2pay/VISA/enroll/card/{cardId}", {
      params: { path: { cardId: "1" } },
      // @ts-expect-error: the issuer's Visa business id is required
      body: { cardOverrides: { city: "Helsinki" } },
    });
  });
});
