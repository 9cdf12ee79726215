// One cold start, in a fresh process (bench/sandbox.mjs forks it): how long importing the sandbox
// takes, and how long createSandbox() takes until its first answer (which loads the domain's
// generated validators). The baseline is importing the instalment client, which a test loads anyway.
const target = process.argv[2];
const AUTHORIZATION = `Basic ${Buffer.from("sandbox:sandbox-password").toString("base64")}`;

const started = performance.now();
if (target === "client") {
  await import("@enfuce-sdk/instalment");
  process.send({ importMs: performance.now() - started });
} else {
  const { createSandbox } = await import("@enfuce-sdk/testing");
  const imported = performance.now();
  const sandbox = createSandbox();
  const response = await sandbox.fetch("https://sandbox/instalment/v1/1?auditUser=bench", {
    headers: { authorization: AUTHORIZATION },
  });
  if (response.status !== 404) throw new Error(`first answer: ${response.status}`);
  process.send({ importMs: imported - started, startMs: performance.now() - imported });
}
