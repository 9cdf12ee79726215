import { typeTestOptions } from "@enfuce-sdk/test-kit/type-tests";
import { describe, expectTypeOf, it } from "vitest";
import {
  type AmountRule,
  createSpendControlClient,
  type Filter,
  type FilterRequest,
  type FilterType,
  type MccFilter,
  type MerchantIdentifier,
  type Rule,
  type RuleCreateRequest,
  type RuleParameter,
  type RuleParameterCreateRequest,
  type RuleParameterType,
  type RuleType,
  type RuleUpdateRequest,
  type SpendControlDecision,
  type UnrecognisedFilter,
  type UnrecognisedRule,
} from "../src";

const client = createSpendControlClient(typeTestOptions);

describe("spend-control client types", () => {
  it("narrows the rules of a rule set on ruleType, keeping rules of types it does not know", async () => {
    const { data } = await client.GET("/v1/rule-sets/{rule-set-id}/", { params: { path: { "rule-set-id": "1" } } });
    expectTypeOf(data?.rules?.[0]).toMatchTypeOf<Rule | undefined>();
    const rule = {} as Rule;
    if (rule.ruleType === "AMOUNT") {
      // TypeScript cannot subtract the known values from the catch-all's `string`, so the branch
      // keeps UnrecognisedRule; Extract picks the documented variant.
      expectTypeOf(rule).toEqualTypeOf<AmountRule | UnrecognisedRule>();
      const amountRule = rule as Extract<Rule, { ruleType: "AMOUNT" }>;
      expectTypeOf(amountRule.defaultParameters?.amount).toEqualTypeOf<number | undefined>();
    }
    expectTypeOf<Extract<Rule, { ruleType: "BLOCKED_MCC" }>["defaultParameters"]>().toEqualTypeOf<
      { items?: number[] } | undefined
    >();
    expectTypeOf<Extract<Rule, { ruleType: "EXTERNAL_BALANCE_CHECK" }>>().not.toHaveProperty("defaultParameters");
    expectTypeOf<Extract<Rule, { ruleType: "DECLINE" }>>().not.toHaveProperty("defaultParameters");
    expectTypeOf<UnrecognisedRule["ruleType"]>().toEqualTypeOf<string>();
    expectTypeOf<UnrecognisedRule["defaultParameters"]>().toEqualTypeOf<Record<string, unknown> | undefined>();
  });

  it("reads a rule, parameter or filter of a type the docs do not (yet) give", () => {
    const cardholderPresent: Rule = { id: "9101", ruleType: "CARDHOLDER_PRESENT", defaultParameters: { x: 1 } };
    const psd2: RuleParameter = { ruleType: "ENFUCE_INTERNAL_PSD2_PIN_COUNT", values: { count: 5 } };
    const filter: Filter = { id: "9201", type: "MERCHANT_NAME", parameters: { items: ["ACME"] } };
    expectTypeOf(cardholderPresent).toMatchTypeOf<Rule>();
    expectTypeOf(psd2).toMatchTypeOf<RuleParameter>();
    expectTypeOf(filter).toMatchTypeOf<Filter>();
    expectTypeOf<UnrecognisedFilter>().toMatchTypeOf<Filter>();
    expectTypeOf<Extract<Filter, { type: "MCC" }>>().toEqualTypeOf<MccFilter>();
  });

  it("sends every documented rule variant and only those", async () => {
    // Spelled out, so that the test also holds if the response-side enums are typed open.
    type DocumentedRuleType =
      | "DECLINE"
      | "ALLOWED_MCC"
      | "BLOCKED_MCC"
      | "ALLOWED_MERCHANT_ID"
      | "BLOCKED_MERCHANT_ID"
      | "AMOUNT"
      | "ALLOWED_MERCHANT_COUNTRY"
      | "BLOCKED_MERCHANT_COUNTRY"
      | "ALLOWED_CARD_ENTRY_MODES"
      | "BLOCKED_CARD_ENTRY_MODES"
      | "ALLOWED_CVM"
      | "BLOCKED_CVM"
      | "EXTERNAL_BALANCE_CHECK"
      | "CUMULATIVE_AMOUNT_INDIVIDUAL_LIMITS";
    expectTypeOf<RuleCreateRequest["ruleType"]>().toEqualTypeOf<DocumentedRuleType>();
    expectTypeOf<RuleUpdateRequest["ruleType"]>().toEqualTypeOf<DocumentedRuleType>();
    expectTypeOf<RuleParameterCreateRequest["ruleType"]>().toEqualTypeOf<
      Exclude<DocumentedRuleType, "DECLINE" | "EXTERNAL_BALANCE_CHECK">
    >();
    expectTypeOf<FilterRequest["type"]>().toEqualTypeOf<
      | "MCC"
      | "AMOUNT"
      | "MERCHANT_COUNTRY"
      | "CARDHOLDER_VERIFICATION"
      | "CARD_ENTRY_MODE"
      | "CARDHOLDER_PRESENT"
      | "ACQUIRER_ID"
      | "TRANSACTION_TYPE"
    >();
    expectTypeOf<DocumentedRuleType>().toMatchTypeOf<RuleType>();
    expectTypeOf<RuleParameterCreateRequest["ruleType"]>().toMatchTypeOf<RuleParameterType>();
    expectTypeOf<FilterRequest["type"]>().toMatchTypeOf<FilterType>();
    await client.POST("/v1/rules", { body: { ruleSetId: "1", ruleType: "EXTERNAL_BALANCE_CHECK", name: "Balance" } });
    await client.POST("/v1/rules", {
      body: { ruleSetId: "1", ruleType: "CUMULATIVE_AMOUNT_INDIVIDUAL_LIMITS", defaultParameters: { amount: 500 } },
    });
    await client.PATCH("/v1/rules/{rule-id}", {
      params: { path: { "rule-id": "7" } },
      body: { ruleType: "EXTERNAL_BALANCE_CHECK", filterOperatorType: "ALL" },
    });
    await client.POST("/v1/rules/{rule-id}/parameters", {
      params: { path: { "rule-id": "7" } },
      body: { ruleType: "CUMULATIVE_AMOUNT_INDIVIDUAL_LIMITS", values: { amount: 500 } },
    });
    await client.POST("/v1/rules", {
      // @ts-expect-error: a rule type without a documented value is not sent (strict writer)
      body: { ruleSetId: "1", ruleType: "CARDHOLDER_PRESENT" },
    });
    await client.POST("/v1/rules/{rule-id}/parameters", {
      params: { path: { "rule-id": "7" } },
      // @ts-expect-error: misspelt rule type
      body: { ruleType: "AMOUTN", values: { amount: 5 } },
    });
  });

  it("narrows rule parameters and filters on their type member", () => {
    const parameter = {} as RuleParameterCreateRequest;
    if (parameter.ruleType === "ALLOWED_MERCHANT_ID") {
      expectTypeOf(parameter.values.items).toEqualTypeOf<MerchantIdentifier[] | undefined>();
    }
    const filter = {} as FilterRequest;
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
    expectTypeOf<SpendControlDecision>().toEqualTypeOf<"DECLINE" | "APPROVE_PARTIAL" | "APPROVE" | (string & {})>();
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
