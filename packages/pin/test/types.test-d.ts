import { typeTestOptions } from "@enfuce-sdk/test-kit/type-tests";
import { describe, expectTypeOf, it } from "vitest";
import {
  type ControlId,
  createPinClient,
  type PresharedKeyPinResponse,
  type TzpkResponse,
  type ViewPinResponse,
} from "../src";

const client = createPinClient(typeTestOptions);

// Opaque values relayed for the cardholder's device: its one-time public key and a PIN Control id.
const device = { controlId: "3f1c0b8e", publicKey: "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA" };

describe("pin client types", () => {
  it("types the pre-shared-key PIN from the spec", async () => {
    const { data } = await client.GET("/v2/{plasticId}", {
      params: { path: { plasticId: "1" }, query: { zpkIndex: "0" } },
    });
    expectTypeOf(data).toEqualTypeOf<PresharedKeyPinResponse | undefined>();
    expectTypeOf<PresharedKeyPinResponse["pinBlock"]>().toEqualTypeOf<string | undefined>();
  });

  it("types the PKI flow from the spec", async () => {
    const { data: key } = await client.POST("/v3/set/tzpk", { body: device });
    expectTypeOf(key).toEqualTypeOf<TzpkResponse | undefined>();
    expectTypeOf<TzpkResponse["tzpk"]>().toEqualTypeOf<string>();
    await client.POST("/v3/set", { body: { controlId: device.controlId, pinBlock: "q83vASNFZ4k=" } });
    const { data: pin } = await client.POST("/v3/view", { body: device });
    expectTypeOf(pin).toEqualTypeOf<ViewPinResponse | undefined>();
    expectTypeOf<ControlId>().toEqualTypeOf<string>();
  });

  it("demands the key index but not auditUser, which the client sends", async () => {
    await client.POST("/v2/{plasticId}", {
      params: { path: { plasticId: "1" } },
      body: { zpkIndex: "0", pinBlock: "5A2E0C7F3B9D1E44" },
    });
    // @ts-expect-error: zpkIndex names the pre-shared key and is required
    await client.GET("/v2/{plasticId}", { params: { path: { plasticId: "1" } } });
  });

  it("rejects what the spec does not allow", async () => {
    // @ts-expect-error: no such path
    await client.POST("/v3/change", { body: device });
    await client.POST("/v2/{plasticId}", {
      // @ts-expect-error: the plastic id is missing
      params: { path: {} },
      body: { zpkIndex: "0", pinBlock: "5A2E0C7F3B9D1E44" },
    });
    await client.POST("/v3/set", {
      // @ts-expect-error: every PKI call needs the PIN Control id
      body: { pinBlock: "q83vASNFZ4k=" },
    });
    await client.POST("/v3/view", {
      // @ts-expect-error: the device's public key is required
      body: { controlId: "3f1c0b8e" },
    });
  });
});
