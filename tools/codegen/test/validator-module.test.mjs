// The reusable validator step: any schema of a spec in, a self-contained ES module and the
// declarations that type it out.
import { describe, expect, it } from "vitest";
import { compileValidatorModule } from "../src/validator-module.mjs";

const doc = {
  components: {
    schemas: {
      Amount: { type: "object", required: ["value"], properties: { value: { type: "string", format: "bigdecimal" } } },
    },
  },
};

const load = (js) => import(`data:text/javascript,${encodeURIComponent(js)}`);

describe("compileValidatorModule", () => {
  it("compiles each root, $refs into the spec's components included, into a module that imports nothing", async () => {
    const { js, dts } = await compileValidatorModule(doc, {
      createAmountRequest: { $ref: "#/components/schemas/Amount" },
      flag: { type: "boolean", description: "dropped from the code, kept out of its diffs" },
    });
    expect(js).not.toMatch(/\brequire\(|\bimport\b|dropped from the code/);
    expect(dts).toBe(
      'import type { CompiledValidator } from "@enfuce-sdk/core";\n\n' +
        "export declare const createAmountRequest: CompiledValidator;\nexport declare const flag: CompiledValidator;\n",
    );
    const { createAmountRequest, flag } = await load(js);
    expect(createAmountRequest({ value: "10.50" })).toBe(true);
    expect(createAmountRequest({ value: "ten" })).toBe(false);
    expect(createAmountRequest.errors).toMatchObject([{ instancePath: "/value", keyword: "format" }]);
    expect(flag(true)).toBe(true);
  });

  it.each([["create-amount"], ["1st"], ["has space"]])("refuses %j as an export name", async (name) => {
    await expect(compileValidatorModule(doc, { [name]: { type: "string" } })).rejects.toThrow(name);
  });
});
