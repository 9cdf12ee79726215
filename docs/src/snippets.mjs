// Writes the SDK calls of every domain into .generated/snippets/<domain>.ts and has tsc check them
// against the built packages (their dist/*.d.mts), exactly as a user's project would import them.
import { spawn } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { repoRoot } from "@enfuce-sdk/workspace";
import { snippetsDir } from "./paths.mjs";
import { snippetsFile } from "./sdk-calls.mjs";

export function writeSnippets(domains) {
  rmSync(snippetsDir, { recursive: true, force: true });
  mkdirSync(snippetsDir, { recursive: true });
  for (const { domain, operations, webhooks } of domains) {
    const calls = operations.map(({ operationId, sdkCall }) => ({ id: operationId, code: sdkCall }));
    const senders = webhooks.map(({ operationId, sdkCall }) => ({ id: operationId, code: sdkCall }));
    writeFileSync(join(snippetsDir, `${domain}.ts`), snippetsFile(domain, calls, senders));
  }
  const tsconfig = {
    extends: relative(snippetsDir, join(repoRoot, "tsconfig.base.json")),
    compilerOptions: { noUncheckedIndexedAccess: true, noUnusedLocals: false },
    include: ["*.ts"],
  };
  writeFileSync(join(snippetsDir, "tsconfig.json"), `${JSON.stringify(tsconfig, null, 2)}\n`);
}

/**
 * Runs tsc on the snippets in a child process, so the rest of the build goes on meanwhile.
 * @returns {Promise<void>} rejects with tsc's report when a documented call does not compile
 */
export function checkSnippets() {
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  const child = spawn(process.execPath, [tsc, "-p", join(snippetsDir, "tsconfig.json")], { stdio: "pipe" });
  let report = "";
  child.stdout.on("data", (chunk) => {
    report += chunk;
  });
  child.stderr.on("data", (chunk) => {
    report += chunk;
  });
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`the SDK calls shown in the docs do not compile against the built packages:\n${report}`)),
    );
  });
}
