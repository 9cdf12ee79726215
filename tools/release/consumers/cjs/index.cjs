// An application written as CommonJS: every installed SDK package must load with require(), expose
// the same names as its ES module build, and the Instalment client must call the mock.
const manifest = require("./package.json");

const names = Object.keys(manifest.dependencies).filter((name) => name.startsWith("@enfuce-sdk/"));
const sameNames = (a, b) => JSON.stringify(Object.keys(a).sort()) === JSON.stringify(Object.keys(b).sort());

async function main() {
  const modules = {};
  for (const name of names) {
    try {
      modules[name] = require(name);
      const esm = await import(name);
      const { default: _default, "module.exports": _exports, ...esmNames } = esm;
      if (!sameNames(modules[name], esmNames)) throw new Error("require() and import expose different names");
    } catch (error) {
      console.error(`package ${name}: ${error.message}`);
      process.exitCode = 1;
    }
  }
  if (process.exitCode) return;

  const { createInstalmentClient, AuthenticationError } = modules["@enfuce-sdk/instalment"];
  const instalments = createInstalmentClient({
    baseUrl: process.env.ENFUCE_INSTALMENT_URL,
    credentials: { username: "rehearsal", password: "rehearsal-password" },
    auditUser: "release-rehearsal",
    throwOnError: true,
    maxRetries: 0,
  });
  const page = await instalments.GET("/v1/account/{accountId}", {
    params: { path: { accountId: "677654434532" }, query: { page: 0, size: 10 } },
  });
  if (!Array.isArray(page.data))
    throw new Error(`package @enfuce-sdk/instalment: unexpected page ${JSON.stringify(page)}`);
  const denied = await instalments
    .GET("/v1/{instalmentId}", { params: { path: { instalmentId: "0" } }, headers: { Prefer: "code=401" } })
    .catch((error) => error);
  if (!(denied instanceof AuthenticationError)) {
    throw new Error(`package @enfuce-sdk/instalment: a 401 gave ${denied} instead of AuthenticationError`);
  }
  console.log(
    `cjs: ${names.length} packages required; ${page.data.length} plan(s) listed; 401 is an AuthenticationError`,
  );
}

main().catch((error) => {
  console.error(error.message);
  process.exitCode = 1;
});
