export * from "@enfuce-sdk/core";
export type * from "./generated/aliases";
export type { components, webhooks } from "./generated/schema";
export * from "./generated/webhooks";
export * from "./handler";
