// The naming rules: every generated name follows from a spec file name, a schema name or a webhook key.
import { describe, expect, it } from "vitest";
import {
  aliasName,
  clientFactoryName,
  clientTypeName,
  packageName,
  pascalCase,
  webhookSenderName,
  withArticle,
} from "../src/names.mjs";

describe("domain names", () => {
  it.each([
    { domain: "card", pascal: "Card", pkg: "@enfuce-sdk/card", factory: "createCardClient", type: "CardClient" },
    {
      domain: "purchase-details",
      pascal: "PurchaseDetails",
      pkg: "@enfuce-sdk/purchase-details",
      factory: "createPurchaseDetailsClient",
      type: "PurchaseDetailsClient",
    },
    {
      domain: "test-api",
      pascal: "TestApi",
      pkg: "@enfuce-sdk/test-api",
      factory: "createTestApiClient",
      type: "TestApiClient",
    },
    { domain: "id", pascal: "Id", pkg: "@enfuce-sdk/id", factory: "createIdClient", type: "IdClient" },
  ])("$domain", ({ domain, pascal, pkg, factory, type }) => {
    expect(pascalCase(domain)).toBe(pascal);
    expect(packageName(domain)).toBe(pkg);
    expect(clientFactoryName(domain)).toBe(factory);
    expect(clientTypeName(domain)).toBe(type);
  });
});

describe("pascalCase", () => {
  it.each([
    ["notification", "Notification"],
    ["pin_control", "PinControl"],
    ["exchange rates", "ExchangeRates"],
    ["authPost", "AuthPost"],
    ["v2-api", "V2Api"],
    ["--edge--", "Edge"],
  ])("%s -> %s", (input, expected) => {
    expect(pascalCase(input)).toBe(expected);
  });
});

describe("aliasName", () => {
  it.each([
    ["Instalment", "Instalment"],
    ["instalment-status", "InstalmentStatus"],
    ["Error", "ErrorBody"],
    ["Response", "ResponseBody"],
    ["Date", "DateBody"],
    ["ErrorResponse", "ErrorResponse"],
  ])("schema %s -> type %s (globals get a suffix)", (schema, expected) => {
    expect(aliasName(schema)).toBe(expected);
  });
});

describe("webhookSenderName", () => {
  it.each([
    ["notification", "sendNotification"],
    ["authorisation", "sendAuthorisation"],
    ["warm-up", "sendWarmUp"],
  ])("webhook %s -> %s", (name, expected) => {
    expect(webhookSenderName(name)).toBe(expected);
  });
});

describe("withArticle", () => {
  it.each([
    ["Instalment", "an Instalment"],
    ["Account", "an Account"],
    ["ExchangeRates", "an ExchangeRates"],
    ["Id", "an Id"],
    ["Card", "a Card"],
    ["Hierarchy", "a Hierarchy"],
    ["Wallet", "a Wallet"],
  ])("%s -> %s", (word, expected) => {
    expect(withArticle(word)).toBe(expected);
  });
});
