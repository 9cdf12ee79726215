// The files around a domain's generated code: managed ones follow from the spec and the template
// alone, so `pnpm check:generated` names any that drifted; starters are the package's own.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { differingFiles } from "../src/generate.mjs";
import { managedFiles, starterFiles, TOOL_VERSIONS } from "../src/scaffold.mjs";

const client = { info: { title: "Card API" }, paths: { "/v1/cards": { get: { operationId: "listCards" } } } };
const receiver = { info: { title: "Notifications" }, webhooks: { event: { post: { operationId: "receiveEvent" } } } };

describe("managed files", () => {
  it("pin every tool at TOOL_VERSIONS and keep the package's own version", () => {
    const manifest = JSON.parse(managedFiles("card", client, '{ "version": "2.3.4" }')["package.json"]);
    expect(manifest.version).toBe("2.3.4");
    expect(manifest.devDependencies).toMatchObject(TOOL_VERSIONS);
    expect(manifest.description).toBe("Typed client for the Enfuce Card API");
    expect(JSON.parse(managedFiles("card", client, undefined)["package.json"]).version).toBe("0.1.0");
  });

  it.each([
    { name: "a client domain", doc: client, contract: true },
    { name: "a webhook-only domain", doc: receiver, contract: false },
  ])("give $name a one-line contract test only where it has client operations", ({ doc, contract }) => {
    const files = managedFiles("card", doc, undefined);
    expect(Object.keys(files).sort()).toEqual(
      [
        "LICENSE",
        "package.json",
        "tsconfig.json",
        "tsup.config.ts",
        "turbo.json",
        "vitest.config.mts",
        ...(contract ? ["test/contract.test.ts"] : []),
      ].sort(),
    );
    if (contract) expect(files["test/contract.test.ts"]).toContain('await runContractSuite("card", createCardClient);');
  });
});

describe("entry points", () => {
  it.each([
    {
      name: "a client domain",
      doc: client,
      entries: { index: "src/index.ts", validators: "src/generated/validators.ts" },
    },
    { name: "a webhook-only domain", doc: receiver, entries: { index: "src/index.ts" } },
  ])("$name builds the entries its package.json exports, and no other", ({ doc, entries }) => {
    const files = managedFiles("card", doc, undefined);
    expect(files["tsup.config.ts"]).toContain(
      `packageBuild({ ${Object.entries(entries)
        .map(([name, source]) => `${name}: "${source}"`)
        .join(", ")} })`,
    );
    const { exports, typesVersions } = JSON.parse(files["package.json"]);
    const subpaths = Object.keys(entries).filter((name) => name !== "index");
    expect(Object.keys(exports)).toEqual([".", ...subpaths.map((name) => `./${name}`), "./package.json"]);
    for (const name of Object.keys(entries)) {
      const exported = exports[name === "index" ? "." : `./${name}`];
      expect(exported.import.default).toBe(`./dist/${name}.mjs`);
      expect(exported.require.types).toBe(`./dist/${name}.d.ts`);
    }
    expect(typesVersions?.["*"]).toEqual(
      subpaths.length > 0 ? Object.fromEntries(subpaths.map((name) => [name, [`./dist/${name}.d.ts`]])) : undefined,
    );
  });
});

describe("starter files", () => {
  it.each([
    {
      doc: client,
      index: [
        'export * from "@enfuce-sdk/core";',
        'export type * from "./generated/aliases";',
        'export * from "./generated/client";',
        'export type { components, operations, paths } from "./generated/schema";',
      ],
    },
    {
      doc: receiver,
      index: [
        'export * from "@enfuce-sdk/core";',
        'export type * from "./generated/aliases";',
        'export type { components, webhooks } from "./generated/schema";',
        'export * from "./generated/webhooks";',
      ],
    },
  ])("export what the package generates", ({ doc, index }) => {
    expect(starterFiles("card", doc)["src/index.ts"]).toBe(`${index.join("\n")}\n`);
  });
});

describe("the drift check", () => {
  const dir = mkdtempSync(join(tmpdir(), "enfuce-drift-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("names each planned file that differs on disk or is missing, and no other", () => {
    const same = join(dir, "vitest.config.mts");
    const drifted = join(dir, "package.json");
    const missing = join(dir, "tsconfig.json");
    writeFileSync(same, "same\n");
    writeFileSync(drifted, '{ "devDependencies": { "vitest": "4.1.11" } }\n');
    const plan = new Map([
      [same, "same\n"],
      [drifted, '{ "devDependencies": { "vitest": "4.1.12" } }\n'],
      [missing, "{}\n"],
    ]);
    expect(differingFiles(plan)).toEqual([drifted, missing]);
  });
});
