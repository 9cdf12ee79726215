// Files a new domain package starts with. Written once, when the package does not exist yet;
// after that they belong to the package and codegen leaves them alone.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "@enfuce-sdk/workspace";
import { clientFactoryName, packageName, pascalCase } from "./names.mjs";
import { TABLE_END, TABLE_START } from "./render.mjs";

/** The contract test of a package with client paths: every operation of its spec against Prism. */
const contractTest = (domain, factory) => `import { contractCases, mockUrl } from "@enfuce-sdk/mock/contract";
import { describe, expect, it } from "vitest";
import { ${factory} } from "../src";

// Every operation of specs/${domain}.yaml, called through the typed client against Prism with the
// documented examples; the answer must have a documented success status and match its schema.
const cases = await contractCases("${domain}");
const client = ${factory}({
  baseUrl: mockUrl(),
  credentials: { username: "contract-test", password: "contract-secret" },
  auditUser: "contract-test",
  maxRetries: 0,
});

describe("${domain} contract against Prism", () => {
  it("covers every operation of the spec", () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  it.each(cases)("$name", async ({ method, path, params, body, successStatuses, validate }) => {
    // biome-ignore lint/suspicious/noExplicitAny: cases are built at run time from the spec; typing is covered by the type tests
    const call = (client as any)[method];
    const result = await call(path, { params, body });
    const status = String(result.response.status);
    expect(
      successStatuses.some((code: string) => code === status || code === \`\${status[0]}XX\`),
      \`status \${status}: \${JSON.stringify(result.error)}\`,
    ).toBe(true);
    expect(validate(result.response.status, result.data)).toEqual([]);
  });
});
`;

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
        ...(hasPaths && {
          "./validators": {
            import: { types: "./dist/validators.d.mts", default: "./dist/validators.mjs" },
            require: { types: "./dist/validators.d.ts", default: "./dist/validators.js" },
          },
        }),
        "./package.json": "./package.json",
      },
      // TypeScript's node10 resolution does not read `exports`; this finds the subpath's types.
      ...(hasPaths && { typesVersions: { "*": { validators: ["./dist/validators.d.ts"] } } }),
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
            "$TURBO_ROOT$/tools/workspace/src/**",
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
  if (hasPaths) files["test/contract.test.ts"] = contractTest(domain, clientFactoryName(domain));
  return files;
}
