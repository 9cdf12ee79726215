// pnpm check:packages on a small dual ESM/CommonJS package shaped like the SDK's: fit as built,
// and each packaging mistake a user would suffer from is named.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PUBLISHED_LAYOUT } from "@enfuce-sdk/codegen";
import { repoRoot } from "@enfuce-sdk/workspace";
import { afterAll, beforeAll, expect, it } from "vitest";
import { checkPackage } from "../src/package-check.mjs";

const license = readFileSync(join(repoRoot, "LICENSE"));
let root;
let fixture;

// Laid out as codegen lays out every domain package.
const manifest = {
  name: "fixture-sdk",
  version: "1.0.0",
  description: "A package shaped like the SDK's",
  license: "MIT",
  ...structuredClone(PUBLISHED_LAYOUT),
};

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "package-check-test-"));
  fixture = join(root, "fixture");
  mkdirSync(join(fixture, "dist"), { recursive: true });
  mkdirSync(join(fixture, "src"));
  const files = {
    "dist/index.js": `"use strict";\nObject.defineProperty(exports, "__esModule", { value: true });\nexports.answer = 42;\n`,
    "dist/index.mjs": "export const answer = 42;\n",
    "dist/index.d.ts": "export declare const answer: number;\n",
    "dist/index.d.mts": "export declare const answer: number;\n",
    "src/index.ts": "export const answer: number = 42;\n",
    "README.md": "# fixture-sdk\n",
    "package.json": JSON.stringify(manifest),
  };
  for (const [file, content] of Object.entries(files)) writeFileSync(join(fixture, file), content);
  writeFileSync(join(fixture, "LICENSE"), license);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

let variants = 0;
/** Checks a copy of the fixture with its package.json changed by `edit`. */
async function problemsAfter(edit) {
  const dir = join(root, `variant-${++variants}`);
  cpSync(fixture, dir, { recursive: true });
  const changed = structuredClone(manifest);
  edit(changed);
  writeFileSync(join(dir, "package.json"), JSON.stringify(changed));
  return checkPackage(dir, root, license);
}

it("passes a package whose tarball is complete and whose types resolve everywhere", async () => {
  expect(await problemsAfter(() => {})).toEqual([]);
});

it("names an exports map entry that points at no file", async () => {
  const problems = await problemsAfter((pkg) => {
    pkg.exports["."].import.default = "./dist/index.esm.mjs";
  });
  expect(problems.join("\n")).toMatch(/index\.esm\.mjs but the file does not exist/);
});

it("names files the files list leaves out of the tarball", async () => {
  const problems = await problemsAfter((pkg) => {
    pkg.files = ["dist/index.js", "dist/index.d.ts"];
  });
  expect(problems.join("\n")).toMatch(/index\.d\.mts but the file does not exist/);
});

it("names files a user does not need", async () => {
  const problems = await problemsAfter((pkg) => {
    pkg.files = ["dist", "src"];
  });
  expect(problems).toContain("tarball holds src/index.ts: not for users");
});

it("asks for a Node engine range", async () => {
  const problems = await problemsAfter((pkg) => {
    delete pkg.engines;
  });
  expect(problems).toContain("package.json states no engines.node range");
});

it("catches ES module types that describe the CommonJS build", async () => {
  const problems = await problemsAfter((pkg) => {
    pkg.exports["."].import.types = "./dist/index.d.ts";
  });
  expect(problems.join("\n")).toMatch(/are-the-types-wrong/);
});
