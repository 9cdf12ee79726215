// The engine's small parts, table-driven: routing, reading parameters, field names, statuses of
// refusals, fault targets, request fingerprints and the reading of an authorisation decision.
import type { OperationFacts } from "@enfuce-sdk/core";
import { describe, expect, it } from "vitest";
import { coerce } from "../src/engine/call";
import { Faults } from "../src/engine/faults";
import { canonicalJson } from "../src/engine/idempotency";
import { filtered } from "../src/engine/paging";
import { statusFor } from "../src/engine/refusal";
import { Router } from "../src/engine/router";
import { memberName } from "../src/engine/validation";
import { domainTable } from "../src/generated/domains";
import { responseCodeOf } from "../src/webhooks/deliveries";

const router = new Router(domainTable);

describe("routing", () => {
  it.each([
    ["GET", "/transaction/v3/SUSPENDED", "transaction", "GET /v3/SUSPENDED"],
    ["GET", "/transaction/v3/8767653", "transaction", "GET /v3/{id}"],
    ["GET", "/pincontrol/v1/card/1", undefined, undefined],
    ["POST", "/pincontrol/v1/card/1", "pin-control", "POST /v1/card/{cardId}"],
    ["GET", "/pin/v1/1", "pin", "GET /v1/{cardId}"],
    ["GET", "/spend-control/v1/rule-sets/7/", "spend-control", "GET /v1/rule-sets/{rule-set-id}/"],
    ["GET", "/v1/pricelist/3", "repricing", "GET /v1/pricelist/{id}"],
    ["GET", "/customer/v3/customerNumber/C-1", "customer", "GET /v3/customerNumber/{customerNumber}"],
  ])("%s %s -> %s %s", async (method, path, domain, key) => {
    const route = await router.route(method, path);
    expect(route.operation?.domain).toBe(domain);
    expect(route.operation?.key).toBe(key);
  });

  it("decodes path parameters and reports the methods a path has", async () => {
    const route = await router.route("GET", "/customer/v3/customerNumber/A%2FB");
    expect(route.operation && "pathParams" in route ? route.pathParams : undefined).toEqual({ customerNumber: "A/B" });
    expect(await router.route("DELETE", "/instalment/v1/1")).toEqual({ allowed: ["GET"] });
  });
});

describe("reading parameters", () => {
  it.each([
    ["12", ["integer"], 12],
    ["1.5", ["number"], 1.5],
    ["12", ["string", "integer"], "12"],
    ["0012", ["integer"], "0012"],
    ["abc", ["integer"], "abc"],
    ["true", ["boolean"], true],
    ["yes", ["boolean"], "yes"],
    ["x", [], "x"],
  ])("%s as %j is %j", (text, types, value) => {
    expect(coerce(text, types)).toEqual(value);
  });
});

describe("naming fields", () => {
  it.each([
    ["", ""],
    ["/lastName", "lastName"],
    ["/card/cardId", "card.cardId"],
    ["/transfers/0/currency", "transfers[0].currency"],
    ["/a~1b/c~0d", "a/b.c~d"],
  ])("%s -> %s", (pointer, name) => {
    expect(memberName(pointer)).toBe(name);
  });
});

describe("status of a refusal", () => {
  it.each([
    ["not-found", ["200", "400", "404"], 404],
    ["not-found", ["200", "400"], 400],
    ["conflict", ["200", "400", "409"], 409],
    ["conflict", ["200", "400"], 400],
    ["invalid", ["200", "422"], 422],
    ["unauthorized", ["200"], 401],
  ] as const)("%s with %j documented is %i", (kind, documented, status) => {
    expect(statusFor(kind, documented)).toBe(status);
  });
});

describe("filters", () => {
  const facts = {
    operationId: "list",
    filter: { parameter: "filter", operators: ["eq", "or"], fields: { status: ["OPEN", "CLOSED"], kind: null } },
    parameters: [],
    body: null,
    responses: {},
  } as unknown as OperationFacts;
  const call = (filter: string) =>
    ({ operation: { facts }, params: { query: { filter }, path: {}, header: {} } }) as never;
  const rows = [
    { status: "OPEN", kind: "a" },
    { status: "CLOSED", kind: "b" },
  ];
  it.each([
    ["status eq OPEN", ["a"]],
    ["(status eq OPEN or status eq CLOSED)", ["a", "b"]],
    ["kind eq b", ["b"]],
  ])("%s selects %j", (filter, kinds) => {
    expect(filtered(rows, call(filter)).map((row) => row.kind)).toEqual(kinds);
  });
  it.each([
    ["status ne OPEN", "the operator ne is not documented"],
    ["status eq GONE", "GONE is not a value of status"],
    ["colour eq red", "colour cannot be filtered on"],
    ["status", "cannot read"],
  ])("refuses %s", (filter, message) => {
    expect(() => filtered(rows, call(filter))).toThrow(message);
  });
});

describe("fault targets", () => {
  const subject = {
    method: "POST",
    paths: ["/transfer/v1/a2a", "/v1/a2a"],
    operationId: "createAccountToAccountTransfer",
  };
  it.each([
    ["POST /transfer/v1/a2a", true],
    ["post /v1/a2a", true],
    ["* /transfer/*", true],
    ["POST /transfer...", true],
    ["GET /transfer/v1/a2a", false],
    ["createAccountToAccountTransfer", true],
    ["createCardToCardTransfer", false],
  ])("%s matches: %s", (target, matches) => {
    const faults = new Faults();
    faults.add(target, { status: 503 });
    expect(faults.take(subject, "before") !== undefined).toBe(matches);
  });
  it("counts down its times and keeps before and after apart", () => {
    const faults = new Faults();
    const fault = faults.add("POST /v1/a2a", { status: 503, times: 2, when: "after" });
    expect(faults.take(subject, "before")).toBeUndefined();
    expect(faults.take(subject, "after")).toMatchObject({ status: 503 });
    expect(faults.take(subject, "after")).toMatchObject({ status: 503 });
    expect(faults.take(subject, "after")).toBeUndefined();
    expect(fault).toMatchObject({ triggered: 2, remaining: 0 });
  });
});

describe("request fingerprints", () => {
  it("do not depend on member order", () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe(canonicalJson({ a: [{ c: 3, d: 2 }], b: 1 }));
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: 2 }));
  });
});

describe("reading an authorisation decision", () => {
  it.each([
    [{ transactionData: { authResponseCode: { code: "00" } } }, "00"],
    [{ transactionData: { authResponseCode: "51" } }, "51"],
    [{ transactionData: { responseCode: "05" } }, "05"],
    [{ transactionData: {} }, undefined],
    [{ transactionData: { responseCode: "approve" } }, undefined],
    [undefined, undefined],
  ])("%j -> %s", (answer, code) => {
    expect(responseCodeOf(answer)).toBe(code);
  });
});
