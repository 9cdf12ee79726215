import { loadSchemaValidator } from "@enfuce-sdk/codegen/schema-validator";
import { describe, expect, it } from "vitest";

// The unions of specs/spend-control.yaml, checked at run time as Prism and the contract tests read
// them: returned rules, parameters and filters of a type the docs do not give still validate,
// while a known type with a wrong shape, and an unknown type in a request body, do not.
const check = await loadSchemaValidator("spend-control");

describe("spend-control unions", () => {
  it("accepts every documented rule variant", () => {
    const types = [
      "DECLINE",
      "ALLOWED_MCC",
      "BLOCKED_MCC",
      "ALLOWED_MERCHANT_ID",
      "BLOCKED_MERCHANT_ID",
      "AMOUNT",
      "ALLOWED_MERCHANT_COUNTRY",
      "BLOCKED_MERCHANT_COUNTRY",
      "ALLOWED_CARD_ENTRY_MODES",
      "BLOCKED_CARD_ENTRY_MODES",
      "ALLOWED_CVM",
      "BLOCKED_CVM",
      "EXTERNAL_BALANCE_CHECK",
      "CUMULATIVE_AMOUNT_INDIVIDUAL_LIMITS",
    ];
    for (const ruleType of types) {
      expect(check("RuleCreateRequest", { ruleSetId: "9001", ruleType }), ruleType).toEqual([]);
      expect(check("RuleUpdateRequest", { ruleType }), ruleType).toEqual([]);
      expect(check("Rule", { id: "9101", ruleType }), ruleType).toEqual([]);
    }
  });

  it("reads a rule, parameter or filter of a type it does not know", () => {
    const rule = { id: "9101", ruleType: "CARDHOLDER_PRESENT", defaultParameters: { cardholderPresent: true } };
    expect(check("Rule", rule)).toEqual([]);
    expect(check("RuleSet", { id: "9001", rules: [rule] })).toEqual([]);
    expect(check("RuleParameter", { ruleType: "CUMULATIVE_COUNT_INDIVIDUAL_LIMITS", values: { count: 3 } })).toEqual(
      [],
    );
    expect(check("Filter", { id: "9201", type: "MERCHANT_NAME", parameters: { items: ["ACME"] } })).toEqual([]);
  });

  it("does not let the catch-all swallow a documented type with a wrong shape", () => {
    expect(check("Rule", { ruleType: "AMOUNT", defaultParameters: { amount: "100" } })).not.toEqual([]);
    expect(check("RuleParameter", { ruleType: "ALLOWED_MCC", values: { items: ["5411"] } })).not.toEqual([]);
    expect(check("Filter", { type: "MCC", parameters: { items: ["5411"] } })).not.toEqual([]);
  });

  it("sends only documented types", () => {
    expect(check("RuleCreateRequest", { ruleSetId: "9001", ruleType: "CARDHOLDER_PRESENT" })).not.toEqual([]);
    expect(check("RuleParameterCreateRequest", { ruleType: "CARDHOLDER_PRESENT", values: {} })).not.toEqual([]);
    expect(check("FilterRequest", { type: "MERCHANT_NAME" })).not.toEqual([]);
  });
});
