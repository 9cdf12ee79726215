import { loadSchemaValidator } from "@enfuce-sdk/codegen/schema-validator";
import { describe, expect, it } from "vitest";

// Constraints of specs/account.yaml that the generated types cannot carry, checked as Prism and the
// contract tests read them: each body and answer keeps the account-number limit its page documents.
const check = await loadSchemaValidator("account");
const number = (length: number) => "1".repeat(length);

describe("account number length, as each page documents it", () => {
  it.each([
    ["AccountCreateRequestV3", { accountTemplate: "PREPAID" }],
    ["AccountUpdateRequestV3", {}],
    ["AccountV3", {}],
    ["CreditAccountCreateRequest", { creditLimit: 1000 }],
    ["DebitAccountCreateRequest", {}],
    ["MultiCurrencyAccountCreateRequest", {}],
  ])("%s: at most 32 characters", (schema, rest) => {
    expect(check(schema, { ...rest, number: number(32) })).toEqual([]);
    expect(check(schema, { ...rest, number: number(33) })).toEqual(["/number must NOT have more than 32 characters"]);
  });

  it.each([
    "Account",
    "AccountSummary",
    "AccountSummaryV3",
    "PrepaidAccountCreateRequest",
    "CreditAccountUpdateRequest",
    "DebitAccountUpdateRequest",
    "PrepaidAccountUpdateRequest",
    "FleetAccountUpdateRequest",
    "MultiCurrencyAccountUpdateRequest",
  ])("%s: at most 64 characters", (schema) => {
    expect(check(schema, { number: number(64) })).toEqual([]);
    expect(check(schema, { number: number(65) })).toEqual(["/number must NOT have more than 64 characters"]);
  });
});
