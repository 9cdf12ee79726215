// The workspace module: what codegen, mock and release share, so none of them imports another just
// for a helper, and what the Redis tests and the bench share. Nothing here knows about OpenAPI, Prism or npm.
export { freePort, startLocalServer } from "./local-server.mjs";
export { listDomains, packageDir, packagesDir, repoRoot, specPath, specsDir } from "./paths.mjs";
export { REDIS_INSTALL_HINT, redisServerInstalled, startRedisServer } from "./redis-server.mjs";
export { hashSpec } from "./spec-hash.mjs";
export { programInstalled } from "./system-program.mjs";
