// What `enfuce-codegen bump` leaves in .changeset/: a changeset per changed package, unless a
// person already wrote one, which is kept (and flagged when it declares too small a bump).
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { writeProposals } from "../src/bump.mjs";

let dir;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "changesets-test-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  vi.restoreAllMocks();
});

const proposal = {
  domain: "instalment",
  packageName: "@enfuce-sdk/instalment",
  level: "minor",
  changes: [
    { level: "minor", text: "Added operation (`getInstalmentSchedule`)", where: ["`GET /v1/{instalmentId}/schedule`"] },
    { level: "patch", text: "Documentation", where: ["`GET /v1/{instalmentId}`"] },
  ],
};

it("writes a changeset naming the package, its bump and what changed in the API", () => {
  vi.spyOn(console, "log").mockImplementation(() => {});
  writeProposals({ baseId: "abc1234", proposals: [proposal] }, dir);
  expect(readFileSync(join(dir, "api-instalment-abc1234.md"), "utf8")).toBe(`---
"@enfuce-sdk/instalment": minor
---

API changes from \`specs/instalment.yaml\`:

- Added operation (\`getInstalmentSchedule\`) (\`GET /v1/{instalmentId}/schedule\`)
- Documentation (\`GET /v1/{instalmentId}\`)
`);
});

it("rewrites its own changeset while the spec is still being edited", () => {
  vi.spyOn(console, "log").mockImplementation(() => {});
  writeProposals({ baseId: "abc1234", proposals: [{ ...proposal, level: "patch" }] }, dir);
  writeProposals({ baseId: "abc1234", proposals: [proposal] }, dir);
  expect(readdirSync(dir)).toEqual(["api-instalment-abc1234.md"]);
  expect(readFileSync(join(dir, "api-instalment-abc1234.md"), "utf8")).toContain('"@enfuce-sdk/instalment": minor');
});

it("keeps a changeset a person wrote for the package, and says when its bump is too small", () => {
  const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
  writeFileSync(join(dir, "tidy-owls-sing.md"), `---\n"@enfuce-sdk/instalment": patch\n---\n\nHand-written notes.\n`);
  writeProposals({ baseId: "abc1234", proposals: [proposal] }, dir);
  expect(readdirSync(dir)).toEqual(["tidy-owls-sing.md"]);
  expect(warn).toHaveBeenCalledWith(expect.stringContaining("declares only patch: raise it to minor"));
});
