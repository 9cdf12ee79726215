import { loadSchemaValidator } from "@enfuce-sdk/codegen/schema-validator";
import { describe, expect, it } from "vitest";

// Constraints of specs/customer.yaml that the generated types cannot carry, checked as Prism and the
// contract tests read them.
const check = await loadSchemaValidator("customer");
const chars = (length: number) => "A".repeat(length);

describe("customer number and registration number", () => {
  it("keep the limit each page documents: 64 on create, 32 on update", () => {
    for (const schema of ["PrivateCustomerCreateRequest", "CorporateCustomerCreateRequest"]) {
      const errors = (value: string) =>
        check(schema, { customerNumber: value, regNo: value }).filter((error) => /characters/.test(error));
      expect(errors(chars(64)), schema).toEqual([]);
      expect(errors(chars(65)), schema).toEqual([
        "/customerNumber must NOT have more than 64 characters",
        "/regNo must NOT have more than 64 characters",
      ]);
    }
    expect(check("PrivateCustomerUpdateRequest", { customerNumber: chars(32), regNo: chars(32) })).toEqual([]);
    expect(check("PrivateCustomerUpdateRequest", { customerNumber: chars(33), regNo: chars(33) })).toEqual([
      "/customerNumber must NOT have more than 32 characters",
      "/regNo must NOT have more than 32 characters",
    ]);
    expect(check("CorporateCustomerUpdateRequest", { customerNumber: chars(33) })).toEqual([
      "/customerNumber must NOT have more than 32 characters",
    ]);
  });

  it("enforces the whole documented customer number pattern on a returned customer", () => {
    const customer = (customerNumber: string) => ({ customerNumber, locale: "fi_FI" });
    expect(check("Customer", customer("ABCDEFGH-123456789"))).toEqual([]);
    for (const invalid of ["ABC 123", "ABC_123", "ÄBC123", chars(65), ""]) {
      expect(check("Customer", customer(invalid)), invalid).toEqual([
        '/customerNumber must match pattern "^[A-Za-z0-9-]{1,64}$"',
      ]);
    }
  });
});
