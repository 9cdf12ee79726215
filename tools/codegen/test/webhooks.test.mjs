// The ahead-of-time webhook validators: they accept what the spec lint accepts (every documented
// example, formats included), reject what breaks the schema, need no import at run time, and come
// out byte-identical on every run.
import { hashSpec, specPath } from "@enfuce-sdk/workspace";
import { describe, expect, it } from "vitest";
import { loadSpec } from "../src/load-spec.mjs";
import { renderWebhooks, renderWebhookValidators } from "../src/render.mjs";
import { compileValidatorModule } from "../src/validator-module.mjs";
import { webhookOperations } from "../src/webhook-operations.mjs";
import { validatorNames, webhookValidatorRoots } from "../src/webhook-validators.mjs";

const WEBHOOK_DOMAINS = ["authorisation-control", "authorisation-forwarding", "id", "notification"];

/** The generated module loaded on its own, as a receiver loads it: no require, no import, no ajv. */
async function validatorsOf(doc, operations) {
  const { doc: checked, roots } = webhookValidatorRoots(doc, operations);
  const { js } = await compileValidatorModule(checked, roots);
  expect(js).not.toMatch(/\brequire\(|\bimport\b/);
  return import(`data:text/javascript,${encodeURIComponent(js)}`);
}

describe.each(WEBHOOK_DOMAINS)("webhook validators of %s", (domain) => {
  it("accept every documented example of every webhook, request and answer", async () => {
    const doc = await loadSpec(specPath(domain));
    const operations = webhookOperations(doc);
    const validators = await validatorsOf(doc, operations);
    for (const operation of operations) {
      const names = validatorNames(doc, operation);
      for (const example of Object.values(operation.requestExamples)) {
        expect(validators[names.request](example), `${operation.operationId} request`).toBe(true);
      }
      for (const example of Object.values(operation.responseExamples)) {
        expect(validators[names.response](example), `${operation.operationId} response`).toBe(true);
      }
    }
  });

  it("renders the same files on every run", async () => {
    const doc = await loadSpec(specPath(domain));
    const first = [
      renderWebhooks(domain, doc, hashSpec(doc)),
      await renderWebhookValidators(domain, doc, hashSpec(doc)),
    ];
    const second = [
      renderWebhooks(domain, doc, hashSpec(doc)),
      await renderWebhookValidators(domain, doc, hashSpec(doc)),
    ];
    expect(second).toEqual(first);
  });

  it("declares every validator the module exports, and nothing else", async () => {
    const doc = await loadSpec(specPath(domain));
    const { js, dts } = await renderWebhookValidators(domain, doc, hashSpec(doc));
    const exported = Object.keys(await import(`data:text/javascript,${encodeURIComponent(js)}`)).sort();
    const declared = [...dts.matchAll(/^export declare const (\w+): CompiledValidator;$/gm)].map((m) => m[1]).sort();
    expect(declared).toEqual(exported);
    expect(exported.length).toBeGreaterThan(0);
  });
});

describe("webhook validators", () => {
  it("check formats as the spec lint does, without ajv at run time", async () => {
    const doc = await loadSpec(specPath("authorisation-forwarding"));
    const operations = webhookOperations(doc);
    const validate = (await validatorsOf(doc, operations)).authPostRequest;
    expect(validate({ metadata: { systemTimeStamp: "2021-10-14T09:23:54.611951Z" } })).toBe(true);
    expect(validate({ metadata: { systemTimeStamp: "2021-02-30T09:23:54Z" } })).toBe(false);
    expect(validate.errors).toMatchObject([{ instancePath: "/metadata/systemTimeStamp", keyword: "format" }]);
  });

  it("give one validator per alternative of a top-level union, nested unions flattened", async () => {
    const doc = await loadSpec(specPath("notification"));
    const [operation] = webhookOperations(doc);
    // four documented notification shapes and the unknown variant
    expect(validatorNames(doc, operation).branches).toHaveLength(5);
    expect(operation.unknownVariant).toEqual({
      property: "type",
      knownValues: expect.arrayContaining(["ACCOUNT", "CARD", "FRAUD_CASE"]),
    });
  });

  it("check requests in their received form and answers in full", async () => {
    const doc = await loadSpec(specPath("authorisation-control"));
    const operations = webhookOperations(doc);
    const { authPostRequest, warmUpPostRequest } = await validatorsOf(doc, operations);
    const base = { metadata: {}, customer: {}, account: {}, card: {}, transactionData: {}, merchantData: {} };
    const amount = { amount: 1, currency: "978" };
    // open enum values, an inferred pattern (currency) and an inferred pattern (timestamp)
    const tomorrow = { transactionType: "NEW", transactionAmount: amount, transactionDateTime: "yesterday" };
    expect(authPostRequest({ ...base, transactionData: tomorrow })).toBe(true);
    expect(warmUpPostRequest({ type: "WARM_UP_V2", timestamp: "now" })).toBe(true);
    // JSON types and required members still count
    expect(authPostRequest({ ...base, transactionData: { transactionType: 1 } })).toBe(false);
    expect(authPostRequest({ ...base, transactionData: { transactionAmount: { currency: 978 } } })).toBe(false);
    expect(authPostRequest({ ...base, card: undefined })).toBe(false);
  });

  it("keep the values that tell union branches apart closed on receipt", async () => {
    const doc = await loadSpec(specPath("notification"));
    const { receiveNotificationRequest: validate } = await validatorsOf(doc, webhookOperations(doc));
    expect(validate({ id: "1", type: "DISPUTE" })).toBe(true);
    // a known type must have its documented shape; it cannot pass as an unknown one
    expect(validate({ id: "1", type: "ACCOUNT" })).toBe(false);
    expect(validate({ id: "1", type: "ACCOUNT", accountId: "2", customerNumber: "3", subType: "NEW" })).toBe(true);
  });

  it("read the facts a receiver needs from the spec", async () => {
    const doc = await loadSpec(specPath("id"));
    const [operation] = webhookOperations(doc);
    expect(operation).toMatchObject({
      operationId: "initiateAuthentication",
      method: "POST",
      path: "/v1/authenticate/{customerNumber}/{sessionId}",
      timeoutMs: 2000,
      idField: null,
      idParameter: "sessionId",
      successStatus: 200,
      pathParameters: ["customerNumber", "sessionId"],
      parameterExamples: { customerNumber: "392492402", sessionId: "5d3a3e10-b511-42cd-b9b6-1f2a5701ba98" },
      responseSchema: null,
    });
  });

  it.each([
    ["notification", { idField: "id", idParameter: null }],
    ["authorisation-control", { idField: "metadata.id", idParameter: null }],
  ])("read what identifies a delivery of %s", async (domain, ids) => {
    const doc = await loadSpec(specPath(domain));
    const operations = webhookOperations(doc);
    expect(operations.find((operation) => operation.idField !== null)).toMatchObject(ids);
  });
});
