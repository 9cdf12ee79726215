// Files a new domain package starts with. Written once, when the package does not exist yet;
// after that they belong to the package and codegen leaves them alone.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { clientFactoryName, packageName, pascalCase } from "./names.mjs";
import { repoRoot } from "./paths.mjs";
import { TABLE_END, TABLE_START } from "./render.mjs";

const json = (value) => `${JSON.stringify(value, null, 2)}\n`;

export function scaffoldFiles(domain, doc) {
  const hasPaths = Object.keys(doc.paths ?? {}).length > 0;
  const title = doc.info?.title ?? pascalCase(domain);
  const files = {
    "package.json": json({
      name: packageName(domain),
      version: "0.1.0",
      description: `Typed client for the Enfuce ${title}`,
      license: "MIT",
      sideEffects: false,
      main: "./dist/index.js",
      module: "./dist/index.mjs",
      types: "./dist/index.d.ts",
      exports: {
        ".": {
          import: { types: "./dist/index.d.mts", default: "./dist/index.mjs" },
          require: { types: "./dist/index.d.ts", default: "./dist/index.js" },
        },
        "./package.json": "./package.json",
      },
      files: ["dist"],
      engines: { node: ">=20.19" },
      scripts: {
        generate: `enfuce-codegen generate ${domain}`,
        build: "tsup",
        typecheck: "tsc --noEmit",
        test: "vitest run",
      },
      dependencies: { "@enfuce-sdk/core": "workspace:^" },
      devDependencies: {
        "@enfuce-sdk/codegen": "workspace:*",
        "@enfuce-sdk/mock": "workspace:*",
        "@types/node": "20.19.43",
        tsup: "8.5.1",
        typescript: "5.9.3",
        vitest: "4.1.12",
      },
    }),
    // npm packs a package's own LICENSE only; every published tarball must carry one.
    LICENSE: readFileSync(join(repoRoot, "LICENSE"), "utf8"),
    "tsconfig.json": json({ extends: "../../tsconfig.base.json", include: ["src", "test"] }),
    "tsup.config.ts": `export { default } from "../../tsup.base";\n`,
    "vitest.config.mts": `import { domainTestConfig } from "@enfuce-sdk/mock/vitest";\n\nexport default domainTestConfig("${domain}");\n`,
    "turbo.json": json({
      extends: ["//"],
      tasks: {
        generate: {
          inputs: [
            `$TURBO_ROOT$/specs/${domain}.yaml`,
            "$TURBO_ROOT$/specs/common/**",
            "$TURBO_ROOT$/tools/codegen/src/**",
          ],
          outputs: ["src/generated/**", "README.md"],
        },
      },
    }),
    "src/index.ts": [
      ...(hasPaths ? [`export * from "./generated/client";`] : []),
      ...(doc.webhooks ? [`export * from "./generated/webhooks";`] : []),
      `export type * from "./generated/aliases";`,
      `export type { components${hasPaths ? ", operations, paths" : ""}${doc.webhooks ? ", webhooks" : ""} } from "./generated/schema";`,
      `export * from "@enfuce-sdk/core";`,
      "",
    ].join("\n"),
    "README.md": `# ${packageName(domain)}

Typed client for the Enfuce ${title}, part of the Enfuce TypeScript SDK.

\`\`\`sh
npm install ${packageName(domain)}
\`\`\`
${
  hasPaths
    ? `
\`\`\`ts
import { ${clientFactoryName(domain)} } from "${packageName(domain)}";

const client = ${clientFactoryName(domain)}({
  environment: "demo",
  realm: "test",
  credentials: { username: process.env.ENFUCE_USERNAME!, password: process.env.ENFUCE_PASSWORD! },
  auditUser: "backoffice-sync",
});
\`\`\`

Retries, timeouts, errors and pagination work as described in [@enfuce-sdk/core](../core/README.md).
`
    : ""
}
## Operations

${TABLE_START}
${TABLE_END}
`,
  };
  return files;
}
