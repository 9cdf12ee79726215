// Each bump rule: an edit to a real spec (the instalment spec with its shared components), bundled
// the way codegen bundles it, and the bump the package must get.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { loadSpec } from "../src/load-spec.mjs";
import { specPath, specsDir } from "../src/paths.mjs";
import { compareSpecs } from "../src/spec-diff.mjs";

let dir;
let before;
const original = parse(readFileSync(specPath("instalment"), "utf8"));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "bump-test-"));
  cpSync(join(specsDir, "common"), join(dir, "common"), { recursive: true });
  before = await loadSpec(specPath("instalment"));
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
    const result = await bumpAfter((spec) => delete spec.paths["/v1/{instalmentId}"]);
    expect(result.level).toBe("major");
    expect(result.changes[0].text).toBe("Removed operation (`getInstalmentById`)");
    expect(result.changes[0].where).toEqual(["`GET /v1/{instalmentId}`"]);
  });

  it("a removed response field", async () => {
    const result = await bumpAfter((spec) => delete schemas(spec).ResourceResponse.properties.description);
    expect(result.level).toBe("major");
    expect(result.changes).toContainEqual({
      level: "major",
      text: "Removed field `description`",
      where: ["response 201 of `POST /v1`"],
    });
  });

  it("a removed enum value, wherever the enum is used", async () => {
    const result = await bumpAfter((spec) => {
      schemas(spec).InstalmentStatus.enum = schemas(spec).InstalmentStatus.enum.filter((v) => v !== "OVERDUE");
    });
    expect(result.level).toBe("major");
    expect(result.changes.map((change) => change.text)).toContain("Removed enum value `OVERDUE` of `status`");
    expect(result.changes.flatMap((change) => change.where)).toContain("response 200 of `GET /v1/{instalmentId}`");
  });

  it("a request field that becomes required", async () => {
    const result = await bumpAfter((spec) => schemas(spec).CreateInstalmentRequest.required.push("description"));
    expect(result.level).toBe("major");
    expect(result.changes[0]).toMatchObject({
      text: "Now required: `description`",
      where: ["request body of `POST /v1`"],
    });
  });

  it("a new required query parameter", async () => {
    const result = await bumpAfter((spec) =>
      operation(spec, "/v1/{instalmentId}", "get").parameters.push({
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
      schemas(spec).InstalmentId.type = "integer";
    });
    expect(result.level).toBe("major");
  });
});

describe("minor", () => {
  it("a new operation", async () => {
    const result = await bumpAfter((spec) => {
      spec.paths["/v1/{instalmentId}/schedule"] = {
        get: {
          operationId: "getInstalmentSchedule",
          summary: "The repayment schedule of a plan",
          parameters: [{ $ref: "#/components/parameters/InstalmentId" }],
          responses: {
            200: { description: "The schedule.", content: { "application/json": { schema: { type: "object" } } } },
          },
        },
      };
    });
    expect(result).toEqual({
      level: "minor",
      changes: [
        {
          level: "minor",
          text: "Added operation (`getInstalmentSchedule`)",
          where: ["`GET /v1/{instalmentId}/schedule`"],
        },
      ],
    });
  });

  it("a new optional request field", async () => {
    const result = await bumpAfter((spec) => {
      schemas(spec).CreateInstalmentRequest.properties.reference = { type: "string", description: "Your reference." };
    });
    expect(result.level).toBe("minor");
    expect(result.changes[0]).toMatchObject({ text: "Added field `reference`", where: ["request body of `POST /v1`"] });
  });

  it("a new response field", async () => {
    const result = await bumpAfter((spec) => {
      schemas(spec).ResourceResponse.properties.createdAt = { type: "string", format: "date-time" };
    });
    expect(result.level).toBe("minor");
  });

  it("a new enum value", async () => {
    const result = await bumpAfter((spec) => schemas(spec).InstalmentStatus.enum.push("SUSPENDED"));
    expect(result.level).toBe("minor");
    expect(result.changes[0].text).toBe("Added enum value `SUSPENDED` of `status`");
  });
});

describe("patch", () => {
  it("descriptions and summaries only", async () => {
    const result = await bumpAfter((spec) => {
      schemas(spec).InstalmentStatus.description = "Where the plan is in its life.";
      operation(spec, "/v1/{instalmentId}", "get").summary = "Read one instalment plan";
    });
    expect(result.level).toBe("patch");
  });

  it("examples only", async () => {
    const result = await bumpAfter((spec) => {
      schemas(spec).InstalmentId.examples = ["999"];
      operation(spec, "/v1", "post").requestBody.content["application/json"].examples.buyNowPayLater.value.shift = 3;
    });
    expect(result.level).toBe("patch");
  });
});

it("an unchanged spec needs no release", async () => {
  expect(await bumpAfter(() => {})).toEqual({ level: "none", changes: [] });
});

it("the strongest change decides, and every change is listed", async () => {
  const result = await bumpAfter((spec) => {
    delete spec.paths["/v1/close"];
    schemas(spec).InstalmentStatus.enum.push("SUSPENDED");
    schemas(spec).InstalmentStatus.description = "Changed.";
  });
  expect(result.level).toBe("major");
  const levels = result.changes.map((change) => change.level);
  expect(levels[0]).toBe("major");
  expect(levels).toContain("minor");
  expect(levels.at(-1)).toBe("patch");
});
