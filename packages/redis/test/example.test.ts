// The scale-out example of the README runs as documented: two instances, one Redis, and what they
// answer while Redis is down.
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, inject, it } from "vitest";

const EXAMPLE = fileURLToPath(new URL("../../../examples/scale-out.mjs", import.meta.url));

describe.skipIf(inject("redisUrl") === null)("examples/scale-out.mjs", () => {
  it("shows a redelivery acknowledged by the other instance, the same decision, and 503 while Redis is down", async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [EXAMPLE], {
      env: { ...process.env, REDIS_URL: "" },
      timeout: 30_000,
    });
    expect(stdout).toContain("A answered 201");
    expect(stdout).toContain("B answered 201");
    expect(stdout.match(/answered 200 \{"transactionData":\{"responseCode":"00"\}\}/g)).toHaveLength(3);
    expect(stdout).toContain("A answered 503, so Enfuce delivers it again later");
    expect(stdout).toMatch(/B: notifications \{"duplicate":1\}/);
  }, 40_000);
});
