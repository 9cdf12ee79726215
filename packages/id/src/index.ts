export * from "@enfuce-sdk/core";
export type * from "./generated/aliases";
export * from "./generated/client";
export type { components, operations, paths, webhooks } from "./generated/schema";
export * from "./generated/webhooks";
export * from "./handler";
