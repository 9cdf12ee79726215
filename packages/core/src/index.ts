export type { Middleware } from "openapi-fetch";
export type { BasicCredentials, BearerCredentials, Credentials } from "./auth";
export { RAW_ERROR_TEXT_LIMIT, RawErrorBody } from "./call/error-body";
export { createEnfuceClient } from "./client";
export { encodeQueryValue } from "./encoding";
export {
  APIError,
  AuthenticationError,
  BadRequestError,
  type CallSite,
  ConfigurationError,
  ConflictError,
  ConnectionError,
  EnfuceError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  RequestAbortedError,
  type RequestContext,
  ResponseParseError,
  type ResponseProblem,
  ResponseValidationError,
  ServerError,
  TimeoutError,
  UnprocessableError,
} from "./errors";
export type { FilterBuilder, FilterExpression } from "./filter";
export type { Logger, LogLevel } from "./log";
export { type ClientOptions, DEFAULT_TIMEOUT_MS } from "./options";
export type { Received, Sent } from "./read-write";
export { DEFAULT_MAX_RETRIES, type RetryBackoff } from "./retry";
export type { DomainSpec, OperationFacts, OperationMeta, OperationValidators, ParameterFact } from "./spec";
export type { TracerProvider } from "./tracing/provider";
export type { TlsOptions } from "./transport/options";
export type {
  CallError,
  CallOptions,
  CallResult,
  EnfuceClient,
  PageIterator,
  RawCallResult,
  RawRequestInit,
  RequestMethod,
  ResponseData,
  WithClientAuditUser,
} from "./types";
export type { AppInfo, PackageInfo } from "./user-agent";
export type {
  DriftNode,
  ResponseCheck,
  ResponseChecks,
  ResponseChecksLoader,
  ResponseDrift,
  ValidateResponses,
} from "./validation/types";
export * from "./webhook";
