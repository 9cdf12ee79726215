export { type AcknowledgementOptions, acknowledgementRoute } from "./acknowledgement-route";
export { type CredentialCheck, createCredentialCheck } from "./credentials";
export { type DecisionOptions, decisionRoute } from "./decision-route";
export { createMemoryDecisionStore, DEFAULT_DECISION_ENTRIES, type DecisionStore } from "./decisions";
export {
  type Claim,
  type ClaimResult,
  createMemoryDeduplicationStore,
  DEFAULT_DEDUPLICATION_ENTRIES,
  type DeduplicationStore,
} from "./deduplication";
export { FAILURE_REASONS, WebhookError, type WebhookFailureReason } from "./failure";
export { problemsOf } from "./problems";
export { createWebhookHandler, DEFAULT_MAX_BODY_BYTES } from "./receiver";
export { ANSWER_SOURCES, type AnswerSource, automaticRoute, type WebhookRoute } from "./route";
export { DEFAULT_DEADLINE_SHARE } from "./route-options";
export { type SendWebhookOptions, type SentWebhook, sendWebhook } from "./send";
export {
  DEFAULT_LEASE_MS,
  DEFAULT_STORE_TIMEOUT_SHARE,
  type DecisionStoreOptions,
  type DeduplicationOptions,
  decisionsOptionOf,
  deduplicationOptionOf,
  type WhenStoreFails,
} from "./store-options";
export type {
  CompiledValidator,
  FieldProblem,
  JsonRequestBody,
  ValidatorIssue,
  WebhookContext,
  WebhookHandler,
  WebhookHandlerOptions,
  WebhookMeta,
  WebhookStats,
} from "./types";
export { isUnknownVariant } from "./variants";
