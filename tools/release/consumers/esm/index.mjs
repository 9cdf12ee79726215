// An application written as ES modules: every installed SDK package must import, and the
// Instalment client must call the mock and throw the SDK's own error class.
import { readFileSync } from "node:fs";

const manifest = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8"));
const names = Object.keys(manifest.dependencies).filter((name) => name.startsWith("@enfuce-sdk/"));

const modules = {};
for (const name of names) {
  try {
    modules[name] = await import(name);
    if (!Object.values(modules[name]).some((value) => typeof value === "function"))
      throw new Error("exports no function");
  } catch (error) {
    console.error(`package ${name}: ${error.message}`);
    process.exitCode = 1;
  }
}
if (process.exitCode) process.exit();

const { createInstalmentClient, NotFoundError } = modules["@enfuce-sdk/instalment"];
const instalments = createInstalmentClient({
  baseUrl: process.env.ENFUCE_INSTALMENT_URL,
  credentials: { username: "rehearsal", password: "rehearsal-password" },
  auditUser: "release-rehearsal",
  throwOnError: true,
  maxRetries: 0,
});
const plan = await instalments.GET("/v1/{instalmentId}", { params: { path: { instalmentId: "678543" } } });
if (plan.id !== "678543") throw new Error(`package @enfuce-sdk/instalment: unexpected plan ${JSON.stringify(plan)}`);
const missing = await instalments
  .GET("/v1/{instalmentId}", { params: { path: { instalmentId: "0" } }, headers: { Prefer: "code=404" } })
  .catch((error) => error);
if (!(missing instanceof NotFoundError)) {
  throw new Error(`package @enfuce-sdk/instalment: a 404 gave ${missing} instead of NotFoundError`);
}
console.log(`esm: ${names.length} packages imported; plan ${plan.id} is ${plan.status}; 404 is a NotFoundError`);
