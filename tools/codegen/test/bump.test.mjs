// Each bump rule: an edit to a spec (test/fixtures/plans.yaml, with the shared components of
// specs/common), bundled the way codegen bundles it, and the bump the package must get.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { specsDir } from "@enfuce-sdk/workspace";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { loadSpec } from "../src/load-spec.mjs";
import { compareSpecs } from "../src/spec-diff.mjs";

let dir;
let before;
const fixture = new URL("./fixtures/plans.yaml", import.meta.url);
const original = parse(readFileSync(fixture, "utf8"));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "bump-test-"));
  cpSync(join(specsDir, "common"), join(dir, "common"), { recursive: true });
  writeFileSync(join(dir, "plans.yaml"), readFileSync(fixture));
  before = await loadSpec(join(dir, "plans.yaml"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let edits = 0;
async function bumpAfter(edit) {
  const spec = structuredClone(original);
  edit(spec);
  const file = join(dir, `edit-${++edits}.yaml`);
  writeFileSync(file, stringify(spec));
  return compareSpecs(before, await loadSpec(file));
}

const schemas = (spec) => spec.components.schemas;
const operation = (spec, path, method) => spec.paths[path][method];

describe("major", () => {
  it("a removed operation", async () => {
    const result = await bumpAfter((spec) => delete spec.paths["/v1/{planId}/close"]);
    expect(result).toEqual({
      level: "major",
      changes: [{ level: "major", text: "Removed operation (`closePlan`)", where: ["`POST /v1/{planId}/close`"] }],
    });
  });

  it("a removed response field", async () => {
    const result = await bumpAfter((spec) => delete schemas(spec).Created.properties.description);
    expect(result.level).toBe("major");
    expect(result.changes).toContainEqual({
      level: "major",
      text: "Removed field `description`",
      where: ["response 201 of `POST /v1`"],
    });
  });

  it("a removed enum value, wherever the enum is used", async () => {
    const result = await bumpAfter((spec) => {
      schemas(spec).PlanStatus.enum = ["OPEN", "PAID", "CLOSED"];
    });
    expect(result.level).toBe("major");
    expect(result.changes).toContainEqual({
      level: "major",
      text: "Removed enum value `OVERDUE` of `status`",
      where: ["response 200 of `GET /v1/{planId}`", "response 200 of `POST /v1/{planId}/close`"],
    });
  });

  it("a request field that becomes required", async () => {
    const result = await bumpAfter((spec) => schemas(spec).CreatePlanRequest.required.push("note"));
    expect(result).toEqual({
      level: "major",
      changes: [{ level: "major", text: "Now required: `note`", where: ["request body of `POST /v1`"] }],
    });
  });

  it("a new required query parameter", async () => {
    const result = await bumpAfter((spec) =>
      operation(spec, "/v1/{planId}", "get").parameters.push({
        name: "currency",
        in: "query",
        required: true,
        schema: { type: "string" },
      }),
    );
    expect(result.level).toBe("major");
    expect(result.changes[0].text).toBe("Added required query parameter `currency`");
  });

  it("a changed field type", async () => {
    const result = await bumpAfter((spec) => {
      schemas(spec).Plan.properties.months.type = "string";
    });
    expect(result.level).toBe("major");
    expect(result.changes[0].text).toBe("Changed the type of `months`");
  });
});

describe("minor", () => {
  it("a new operation", async () => {
    const result = await bumpAfter((spec) => {
      spec.paths["/v1/{planId}/schedule"] = {
        get: {
          operationId: "getPlanSchedule",
          summary: "The repayment schedule of a plan",
          parameters: [{ $ref: "#/components/parameters/PlanId" }],
          responses: {
            200: { description: "The schedule.", content: { "application/json": { schema: { type: "object" } } } },
          },
        },
      };
    });
    expect(result).toEqual({
      level: "minor",
      changes: [
        { level: "minor", text: "Added operation (`getPlanSchedule`)", where: ["`GET /v1/{planId}/schedule`"] },
      ],
    });
  });

  it("a new optional request field", async () => {
    const result = await bumpAfter((spec) => {
      schemas(spec).CreatePlanRequest.properties.reference = { type: "string", description: "Your reference." };
    });
    expect(result).toEqual({
      level: "minor",
      changes: [{ level: "minor", text: "Added field `reference`", where: ["request body of `POST /v1`"] }],
    });
  });

  it("a new response field", async () => {
    const result = await bumpAfter((spec) => {
      schemas(spec).Plan.properties.closedAt = { type: "string", format: "date-time" };
    });
    expect(result.level).toBe("minor");
  });

  it("a new enum value", async () => {
    const result = await bumpAfter((spec) => schemas(spec).PlanStatus.enum.push("SUSPENDED"));
    expect(result.level).toBe("minor");
    expect(result.changes[0].text).toBe("Added enum value `SUSPENDED` of `status`");
  });
});

describe("patch", () => {
  it("descriptions and summaries only", async () => {
    const result = await bumpAfter((spec) => {
      schemas(spec).PlanStatus.description = "The state of the plan.";
      operation(spec, "/v1/{planId}", "get").summary = "Read one plan";
    });
    expect(result.level).toBe("patch");
  });

  it("examples only", async () => {
    const result = await bumpAfter((spec) => {
      schemas(spec).PlanId.examples = ["999"];
      operation(spec, "/v1", "post").requestBody.content["application/json"].examples.monthly.value.months = 24;
    });
    expect(result.level).toBe("patch");
  });
});

it("an unchanged spec needs no release", async () => {
  expect(await bumpAfter(() => {})).toEqual({ level: "none", changes: [] });
});

it("the strongest change decides, and every change is listed", async () => {
  const result = await bumpAfter((spec) => {
    delete spec.paths["/v1/{planId}/close"];
    schemas(spec).PlanStatus.enum.push("SUSPENDED");
    schemas(spec).PlanStatus.description = "Changed.";
  });
  expect(result.level).toBe("major");
  expect(result.changes.map((change) => change.level)).toEqual(["major", "minor", "patch"]);
});
