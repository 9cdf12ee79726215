import { typeTestOptions } from "@enfuce-sdk/test-kit/type-tests";
import { describe, expectTypeOf, it } from "vitest";
import {
  type Card,
  type CardListItem,
  type CardPaymentInfo,
  type CardStatus,
  createCardClient,
  type EmvScript,
  type ResourceResponse,
  type Segment,
  type SegmentParam,
  type SettableCardStatus,
  type UsageLimitValue,
  type UsageLimitValueUpdate,
} from "../src";

const client = createCardClient(typeTestOptions);

const onAccount = { customerId: "10", accountId: "20" };
type DocumentedStatus =
  | "CARD_OK"
  | "CARD_BLOCKED"
  | "SUSPECTED_FRAUD"
  | "CARD_CLOSED_DUE_TO_FRAUD"
  | "CARD_NO_RENEWAL"
  | "CARD_LOST"
  | "CARD_STOLEN"
  | "CARD_CLOSED"
  | "CARD_EXPIRED";
const holder = { embossing: { firstName: "Maija", lastName: "Meikäläinen" } };

describe("card client types", () => {
  it("types responses from the spec", async () => {
    const { data } = await client.GET("/v4/{id}", { params: { path: { id: "30" } } });
    expectTypeOf(data).toEqualTypeOf<Card | undefined>();
    expectTypeOf<CardStatus>().toEqualTypeOf<DocumentedStatus | (string & {})>();
    // CARD_EXPIRED is read only: Enfuce sets it; what you send takes the documented values only
    expectTypeOf<SettableCardStatus>().toEqualTypeOf<Exclude<DocumentedStatus, "CARD_EXPIRED">>();
  });

  it("reads enums openly and writes them closed", async () => {
    const { data } = await client.GET("/v4/{id}", { params: { path: { id: "30" } } });
    // a segment Enfuce adds later reaches the caller, typed as such
    expectTypeOf<"SEGMENT_Z">().toExtend<NonNullable<NonNullable<typeof data>["segment"]>>();
    expectTypeOf<"SEGMENT_Z">().toExtend<Segment>();
    expectTypeOf<SegmentParam>().toEqualTypeOf<
      "SEGMENT_A" | "SEGMENT_B" | "SEGMENT_C" | "SEGMENT_D" | "SEGMENT_E" | "SEGMENT_F"
    >();
    expectTypeOf<"CARD_FROZEN">().toExtend<CardStatus>();
    await client.PATCH("/v4/MC_CARD/{id}", {
      params: { path: { id: "30" } },
      // @ts-expect-error: a request body takes the documented values only
      body: { status: "CARD_FROZEN" },
    });
    await client.POST("/v4/MC_CARD/customer/{customerId}/account/{accountId}/{cardRole}", {
      // @ts-expect-error: so does a parameter
      params: { path: { ...onAccount, cardRole: "JOINT" } },
      body: holder,
    });
    await client.POST("/v4/MC_CARD/customer/{customerId}/account/{accountId}/{cardRole}", {
      params: { path: { ...onAccount, cardRole: "MAIN" } },
      // @ts-expect-error: and a shared schema used in a request
      body: { ...holder, segment: "SEGMENT_Z" },
    });
  });

  it("accepts an idempotency key on card creation, where the spec declares one", async () => {
    const { data } = await client.POST("/v4/MC_CARD/customer/{customerId}/account/{accountId}/{cardRole}", {
      params: { path: { ...onAccount, cardRole: "MAIN" }, header: { "x-idempotency-key": "card-order-4711" } },
      body: holder,
    });
    expectTypeOf(data).toEqualTypeOf<ResourceResponse | undefined>();
    await client.POST("/v4/DEBIT_VISA_VIRTUAL/customer/{customerId}/account/{accountId}", {
      params: { path: onAccount },
      body: holder,
      idempotencyKey: "card-order-4712",
    });
  });

  it("types the encrypted card data flows", async () => {
    const { data: card } = await client.POST("/v4/card/cardnumber", {
      body: { encryptedData: "eyJhbGciOiJSU0EtT0FFUC0yNTYifQ.key.iv.cipher.tag" },
    });
    expectTypeOf(card).toEqualTypeOf<Card | undefined>();
    const { data: info } = await client.POST("/v3/{id}/encryptcardpaymentinfo", {
      params: { path: { id: "30" } },
      body: { encryptionKey: "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8A", fields: ["fullCardNumber", "cvv2"] },
    });
    expectTypeOf(info).toEqualTypeOf<CardPaymentInfo | undefined>();
    expectTypeOf<CardPaymentInfo["fullCardNumber"]>().toEqualTypeOf<string | undefined>();
  });

  it("does not demand auditUser, which the client sends", async () => {
    await client.PATCH("/v4/MC_CARD/{id}", { params: { path: { id: "30" } }, body: { status: "CARD_BLOCKED" } });
    await client.POST("/v3/{id}/update/{propertyToUpdate}", {
      params: { path: { id: "30", propertyToUpdate: "SET_3DS_STATIC_PWD" } },
      body: { cardTdsStaticPassword: "Secret42" },
    });
  });

  it("runs a card action without a body, which the docs do not require", async () => {
    await client.POST("/v3/{id}/update/{propertyToUpdate}", {
      params: { path: { id: "30", propertyToUpdate: "REPLACE_CARD" } },
    });
  });

  it("sends usage limits without the counters Enfuce returns", async () => {
    const limits = [
      { code: "24H", values: [{ code: "ATM", singleAmount: 200, sumAmount: 500, count: 5, reset: true }] },
    ];
    await client.PATCH("/v4/MC_CARD/{id}", { params: { path: { id: "30" } }, body: { usageLimits: limits } });
    await client.PATCH("/v4/MC_CARD/{id}", {
      params: { path: { id: "30" } },
      // @ts-expect-error: availableAmount is returned by Enfuce, never sent
      body: { usageLimits: [{ code: "24H", values: [{ code: "ATM", availableAmount: 200 }] }] },
    });
    await client.PATCH("/v3/{id}", {
      params: { path: { id: "30" } },
      // @ts-expect-error: usedCount is returned by Enfuce, never sent
      body: { usageLimits: [{ code: "24H", values: [{ code: "ATM", usedCount: 2 }] }] },
    });
    await client.PATCH("/v1/application/{id}", {
      params: { path: { id: "30" } },
      // @ts-expect-error: availableCount and usedAmount are returned by Enfuce, never sent
      body: { usageLimits: [{ code: "24H", values: [{ code: "ATM", availableCount: 3, usedAmount: 20 }] }] },
    });
    expectTypeOf<UsageLimitValueUpdate>().toEqualTypeOf<{
      code?: string;
      reset?: boolean;
      singleAmount?: number;
      count?: number;
      sumAmount?: number;
    }>();
    const { data } = await client.GET("/v4/{id}", { params: { path: { id: "30" } } });
    expectTypeOf(data?.usageLimits?.[0]?.values?.[0]).toEqualTypeOf<UsageLimitValue | undefined>();
    expectTypeOf<UsageLimitValue["availableAmount"]>().toEqualTypeOf<number | undefined>();
  });

  it("rejects what the spec does not allow", async () => {
    // @ts-expect-error: no such path
    await client.POST("/v4/AMEX_CARD/customer/{customerId}/account/{accountId}", { params: { path: onAccount } });
    await client.POST("/v4/VISA_CARD/customer/{customerId}/account/{accountId}/{cardRole}", {
      // @ts-expect-error: credit and prepaid cards need the card role in the path
      params: { path: onAccount },
      body: holder,
    });
    await client.PATCH("/v4/DEBIT_MC/{id}", {
      params: { path: { id: "30" } },
      // @ts-expect-error: CARD_EXPIRED cannot be set
      body: { status: "CARD_EXPIRED" },
    });
    await client.POST("/v4/card/cardnumber", {
      // @ts-expect-error: the card number only travels inside the JWE encryptedData
      body: {},
    });
    await client.POST("/v3/{id}/encryptcardpaymentinfo", {
      params: { path: { id: "30" } },
      // @ts-expect-error: the caller's public key is required
      body: { fields: ["fullCardNumber"] },
    });
  });
});

describe("card paged lists", () => {
  it("pages the plain card lists and the EMV script wrapper, typed", () => {
    const cards = client.paginate("/v4/account/{accountId}", { params: { path: { accountId: "1" } } });
    expectTypeOf(cards.toArray()).resolves.toEqualTypeOf<CardListItem[]>();
    const scripts = client.paginate("/v3/{id}/plastic/{plasticId}/emv_script", {
      params: { path: { id: "1", plasticId: "2" } },
    });
    expectTypeOf(scripts.toArray()).resolves.toEqualTypeOf<EmvScript[]>();
    // @ts-expect-error one card is not a paged list
    client.paginate("/v4/{id}", { params: { path: { id: "1" } } });
  });
});
