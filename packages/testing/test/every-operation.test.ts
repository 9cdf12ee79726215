// Every operation of every spec answers through a real client: with a documented status, and a body
// that the spec's own schema (read here from the YAML, independently of the generated validators
// the sandbox checks itself with) accepts. Stateless operations answer their documented success;
// stateful ones, called with the documented example ids that no test created, answer the documented
// refusal in Enfuce's error body.
import { createEnfuceClient, type DomainSpec } from "@enfuce-sdk/core";
import { contractCases } from "@enfuce-sdk/mock/contract";
import { describe, expect, it } from "vitest";
import { createSandbox } from "../src";
import type { DomainModule } from "../src/engine/domain-table";
import { domainTable } from "../src/generated/domains";
import { handlers } from "../src/state";

const sandbox = createSandbox();

const suites = await Promise.all(
  domainTable.map(async (entry) => {
    const module = (await entry.load()) as DomainModule;
    const spec: DomainSpec = { domain: entry.name, serverUrl: module.serverUrl, operations: module.operationFacts };
    const client = createEnfuceClient(
      { ...sandbox.clientOptions(entry.name), auditUser: "every-operation", maxRetries: 0 },
      spec,
    );
    return { entry, module, client, cases: await contractCases(entry.name) };
  }),
);

describe.each(suites)("$entry.name", ({ entry, module, client, cases }) => {
  it("has a case for every operation of the generated facts", () => {
    expect(cases.map((c) => `${c.method} ${c.path}`).sort()).toEqual(Object.keys(module.operationFacts).sort());
  });

  it.each(cases)("$name", async ({ method, path, params, body, validate }) => {
    const operationId = module.operationFacts[`${method} ${path}`]?.operationId ?? "";
    const stateful = Boolean(handlers[entry.name]?.[operationId]);
    // biome-ignore lint/suspicious/noExplicitAny: cases are built at run time from the spec
    const result = await (client as any)[method](path, { params, body });
    const status = result.response.status as number;
    const documented = Object.keys(module.operationValidators[`${method} ${path}`]?.responses ?? {});
    const key = [String(status), `${String(status)[0]}XX`].find((candidate) => documented.includes(candidate));
    expect(key, `status ${status} of ${method} ${path} is documented (${documented.join(", ")})`).toBeDefined();
    if (status >= 200 && status < 300) {
      expect(validate(status, result.data)).toEqual([]);
      return;
    }
    expect(stateful, `a stateless operation answers its success: ${JSON.stringify(result.error)}`).toBe(true);
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
    expect(result.error).toMatchObject({ code: status, errorCode: String(status), message: expect.any(String) });
  });
});
