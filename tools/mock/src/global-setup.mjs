// vitest globalSetup: one Prism for the package's spec per test run, its URL provided to tests
// as inject("mockUrl"), stopped when the run ends.
import { startMock } from "./index.mjs";

export default async function setup(project) {
  const domain = process.env.ENFUCE_MOCK_DOMAIN;
  if (!domain) throw new Error("ENFUCE_MOCK_DOMAIN is not set; use domainTestConfig() from @enfuce-sdk/mock/vitest");
  const mock = await startMock([domain]);
  project.provide("mockUrl", mock.urls[domain]);
  return mock.stop;
}
