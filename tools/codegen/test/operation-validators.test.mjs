// The per-operation validators and facts of `@enfuce-sdk/<domain>/validators`: they accept every
// documented example, share one function per distinct schema, carry what a simulator needs to read
// a raw request, and come out byte-identical on every run.
import { hashSpec, specPath } from "@enfuce-sdk/workspace";
import { describe, expect, it } from "vitest";
import { loadSpec } from "../src/load-spec.mjs";
import { compileOperationValidators, describeOperations } from "../src/operation-validators.mjs";
import { resolveRef } from "../src/refs.mjs";
import { renderOperationValidators } from "../src/render.mjs";
import { basePathOf } from "../src/sandbox.mjs";
import { eachOperation, operationKey } from "../src/walk.mjs";

const DOMAINS = ["instalment", "transfer", "card"];

async function compiled(domain) {
  const doc = await loadSpec(specPath(domain));
  const described = describeOperations(doc);
  const { js } = await compileOperationValidators(doc, described.roots);
  // Self-contained: it imports nothing.
  expect(js).not.toMatch(/^\s*import\b/m);
  const validators = await import(`data:text/javascript,${encodeURIComponent(js)}`);
  return { doc, described, validators };
}

describe.each(DOMAINS)("operation validators of %s", (domain) => {
  it("accept every documented request body and success example", async () => {
    const { doc, described, validators } = await compiled(domain);
    eachOperation(doc, "paths", ({ key, method, operation }) => {
      const names = described.operations[operationKey(method, key)];
      const media = resolveRef(doc, operation.requestBody)?.content?.["application/json"];
      for (const example of Object.values(media?.examples ?? {})) {
        const value = resolveRef(doc, example).value;
        expect(validators[names.body](value), `${operation.operationId} body`).toBe(true);
      }
      for (const [status, fact] of Object.entries(described.facts[operationKey(method, key)].responses)) {
        if (!("example" in fact)) continue;
        expect(validators[names.responses[status]](fact.example), `${operation.operationId} ${status}`).toBe(true);
      }
    });
  });

  it("renders the same file on every run", async () => {
    const doc = await loadSpec(specPath(domain));
    const first = await renderOperationValidators(domain, doc, hashSpec(doc));
    expect(await renderOperationValidators(domain, doc, hashSpec(doc))).toEqual(first);
  });
});

describe("operation facts", () => {
  it("check parameters as one object, header names in lower case, auditUser required", async () => {
    const { described, validators } = await compiled("transfer");
    const names = described.operations["POST /v1/a2a"];
    expect(validators[names.parameters]({ path: {}, query: {}, header: {} })).toBe(false);
    expect(validators[names.parameters].errors[0]).toMatchObject({
      instancePath: "/query",
      params: { missingProperty: "auditUser" },
    });
    expect(validators[names.parameters]({ path: {}, query: { auditUser: "a" }, header: {} })).toBe(true);
  });

  it("describe types, defaults and the members of a form-exploded object", async () => {
    const { described } = await compiled("transfer");
    const parameters = described.facts["GET /v1/a2a/batches/{id}"].parameters;
    expect(parameters.find((p) => p.name === "exclusiveStartKey")).toMatchObject({
      in: "query",
      types: ["object"],
      members: ["batchTransferId", "status", "transferId"],
    });
    expect(parameters.find((p) => p.name === "size")).toMatchObject({ types: ["integer"], default: 25 });
  });

  it("give one validator to equal schemas, named after the component", async () => {
    const { described } = await compiled("card");
    const bodies = [
      "POST /v4/MC_CARD/customer/{customerId}/account/{accountId}/{cardRole}",
      "POST /v4/DEBIT_VISA/customer/{customerId}/account/{accountId}",
    ].map((key) => described.operations[key].body);
    expect(bodies).toEqual(["CardCreateRequest", "CardCreateRequest"]);
    expect(described.operations["GET /v4/{id}"].responses).toMatchObject({ 200: "Card", 400: "Error" });
  });

  it("list the members of object schemas, allOf parts merged", async () => {
    const { described } = await compiled("transfer");
    expect(described.schemaMembers.BatchTransferStatus).toEqual(
      expect.arrayContaining(["id", "status", "startTime", "completionTime", "failedTransferItems"]),
    );
    expect(described.schemaMembers.CurrencyCode).toBeUndefined();
  });
});

describe("the sandbox's domain table", () => {
  it.each([
    ["instalment", "/instalment"],
    ["pin", "/pin"],
    ["id", "/enfuceid/api"],
    ["repricing", ""],
  ])("takes the base path of %s from its documented server", async (domain, basePath) => {
    expect(basePathOf(await loadSpec(specPath(domain)))).toBe(basePath);
  });
});
