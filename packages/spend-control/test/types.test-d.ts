import { describe, expectTypeOf, it } from "vitest";
import {
  createSpendControlClient,
  type Filter,
  type MerchantIdentifier,
  type Rule,
  type RuleParameter,
  type SpendControlDecision,
} from "../src";

const client = createSpendControlClient({
  baseUrl: "http://127.0.0.1:4010",
  credentials: { username: "u", password: "p" },
  auditUser: "backoffice-sync",
});

describe("spend-control client types", () => {
  it("narrows the rules of a rule set on ruleType", async () => {
    const { data } = await client.GET("/v1/rule-sets/{rule-set-id}/", { params: { path: { "rule-set-id": "1" } } });
    const rule = data?.rules?.[0];
    if (rule?.ruleType === "AMOUNT") {
      expectTypeOf(rule.defaultParameters?.amount).toEqualTypeOf<number | undefined>();
    } else if (rule?.ruleType === "BLOCKED_MCC") {
      expectTypeOf(rule.defaultParameters?.items).toEqualTypeOf<number[] | undefined>();
    } else if (rule?.ruleType === "DECLINE") {
      expectTypeOf(rule).not.toHaveProperty("defaultParameters");
    }
    expectTypeOf<Rule["ruleType"]>().toEqualTypeOf<
      | "AMOUNT"
      | "ALLOWED_MERCHANT_ID"
      | "BLOCKED_MERCHANT_ID"
      | "ALLOWED_CARD_ENTRY_MODES"
      | "BLOCKED_CARD_ENTRY_MODES"
      | "ALLOWED_MCC"
      | "BLOCKED_MCC"
      | "ALLOWED_MERCHANT_COUNTRY"
      | "BLOCKED_MERCHANT_COUNTRY"
      | "ALLOWED_CVM"
      | "BLOCKED_CVM"
      | "DECLINE"
    >();
  });

  it("narrows rule parameters and filters on their type member", () => {
    const parameter = {} as RuleParameter;
    if (parameter.ruleType === "ALLOWED_MERCHANT_ID") {
      expectTypeOf(parameter.values.items).toEqualTypeOf<MerchantIdentifier[] | undefined>();
    }
    const filter = {} as Filter;
    if (filter.type === "MCC") expectTypeOf(filter.parameters?.items).toEqualTypeOf<number[] | undefined>();
    if (filter.type === "CARDHOLDER_PRESENT") {
      expectTypeOf(filter.parameters?.cardholderPresent).toEqualTypeOf<boolean | undefined>();
    }
  });

  it("types the test evaluation from the spec", async () => {
    const { data } = await client.POST("/v1/evaluate/test", {
      body: {
        cardId: "123",
        merchantCategoryCode: "5411",
        settlementAmount: { amount: 120, currency: "EUR" },
        transactionType: "RETAIL",
      },
    });
    expectTypeOf(data?.decision).toEqualTypeOf<SpendControlDecision | undefined>();
    expectTypeOf<SpendControlDecision>().toEqualTypeOf<"DECLINE" | "APPROVE_PARTIAL" | "APPROVE">();
  });

  it("does not demand auditUser, which the client sends", async () => {
    await client.POST("/v1/rules", {
      body: { ruleSetId: "1", ruleType: "BLOCKED_MCC", defaultParameters: { items: [7995] } },
    });
    await client.POST("/v1/rules/{rule-id}/parameters", {
      params: { path: { "rule-id": "7" } },
      body: { ruleType: "AMOUNT", entity: { id: "123", type: "CARD" }, values: { amount: 50 } },
    });
  });

  it("rejects what the spec does not allow", async () => {
    // @ts-expect-error: no such path (the documented rule-set path ends with a slash)
    await client.GET("/v1/rule-sets/{rule-set-id}", { params: { path: { "rule-set-id": "1" } } });
    // @ts-expect-error: the rule id is missing
    await client.PATCH("/v1/rules/{rule-id}", { params: { path: {} }, body: { ruleType: "DECLINE" } });
    await client.POST("/v1/rules", {
      // @ts-expect-error: MCCs of an MCC rule are numbers, not the strings of a card-entry-mode rule
      body: { ruleSetId: "1", ruleType: "BLOCKED_MCC", defaultParameters: { items: ["7995"] } },
    });
    await client.POST("/v1/rules/{rule-id}/filters/", {
      params: { path: { "rule-id": "7" } },
      // @ts-expect-error: not a filter type
      body: { type: "MERCHANT_NAME", reversed: false },
    });
    await client.POST("/v1/rule-sets", {
      // @ts-expect-error: the name is required (the rule set type has a default and may be left out)
      body: { operatorType: "ANY", ruleSetType: "STANDARD" },
    });
  });
});
