// The workspace module: what codegen, mock and release share, so none of them imports another just
// for a helper. Nothing here knows about OpenAPI, Prism or npm.
export { freePort, startLocalServer } from "./local-server.mjs";
export { listDomains, packageDir, packagesDir, repoRoot, specPath, specsDir } from "./paths.mjs";
export { hashSpec } from "./spec-hash.mjs";
