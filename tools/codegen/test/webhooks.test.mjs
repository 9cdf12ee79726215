// The ahead-of-time webhook validators: they accept what the spec lint accepts (every documented
// example, formats included), reject what breaks the schema, need no import at run time, and come
// out byte-identical on every run.
import { hashSpec, specPath } from "@enfuce-sdk/workspace";
import { describe, expect, it } from "vitest";
import { loadSpec } from "../src/load-spec.mjs";
import { renderWebhooks } from "../src/render.mjs";
import { webhookOperations } from "../src/webhook-operations.mjs";
import { compileWebhookValidators, validatorNames } from "../src/webhook-validators.mjs";

const WEBHOOK_DOMAINS = ["authorisation-control", "authorisation-forwarding", "id", "notification"];

/** The generated script run on its own, as a receiver runs it: no require, no import, no ajv. */
async function validatorsOf(doc, operations) {
  const script = await compileWebhookValidators(doc, operations);
  expect(script).not.toMatch(/\brequire\(|\bimport\b/);
  return new Function(`${script}\nreturn validators;`)();
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

  it("renders the same file on every run", async () => {
    const doc = await loadSpec(specPath(domain));
    const first = await renderWebhooks(domain, doc, hashSpec(doc));
    expect(await renderWebhooks(domain, doc, hashSpec(doc))).toBe(first);
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

  it("give one validator per alternative of a top-level union", async () => {
    const doc = await loadSpec(specPath("notification"));
    const [operation] = webhookOperations(doc);
    expect(validatorNames(doc, operation).branches).toHaveLength(4);
  });

  it("read the facts a receiver needs from the spec", async () => {
    const doc = await loadSpec(specPath("id"));
    const [operation] = webhookOperations(doc);
    expect(operation).toMatchObject({
      operationId: "initiateAuthentication",
      method: "POST",
      path: "/v1/authenticate/{customerNumber}/{sessionId}",
      timeoutMs: 2000,
      successStatus: 200,
      pathParameters: ["customerNumber", "sessionId"],
      parameterExamples: { customerNumber: "392492402", sessionId: "5d3a3e10-b511-42cd-b9b6-1f2a5701ba98" },
      responseSchema: null,
    });
  });
});
