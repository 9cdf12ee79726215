// One error hierarchy for every domain. Errors carry what a caller needs to act and to ask Enfuce
// support (status, method, path template, request id, attempts, parsed body) and never a header,
// a credential or a full URL with query values.

/** Where a failed call was going; the path is the template, so no id or query value leaks into logs. */
export interface RequestContext {
  readonly method: string;
  readonly path: string;
  readonly attempts: number;
  readonly requestId?: string | undefined;
}

export class EnfuceError extends Error {
  override name = "EnfuceError";
}

/** The operation a call was for, as a ConfigurationError names it. */
export interface CallSite {
  readonly method: string;
  /** The path template, never the values. */
  readonly path: string;
  readonly operationId?: string | undefined;
}

/**
 * Invalid client or call options, found before any request is sent. When it is about one call it
 * carries that call's `method`, `path` template and `operationId`, and its message starts with them.
 */
export class ConfigurationError extends EnfuceError {
  override name = "ConfigurationError";
  readonly method: string | undefined;
  readonly path: string | undefined;
  readonly operationId: string | undefined;

  constructor(message: string, call?: CallSite, options?: ErrorOptions) {
    super(call ? `${describeCall(call)}: ${message}` : message, options);
    this.method = call?.method;
    this.path = call?.path;
    this.operationId = call?.operationId;
  }
}

/** `GET /v1/{instalmentId} (getInstalmentById)`: how messages name an operation. */
export const describeCall = (call: CallSite): string =>
  call.operationId ? `${call.method} ${call.path} (${call.operationId})` : `${call.method} ${call.path}`;

abstract class RequestError extends EnfuceError {
  readonly method: string;
  readonly path: string;
  readonly attempts: number;
  readonly requestId: string | undefined;

  constructor(message: string, context: RequestContext, options?: ErrorOptions) {
    const attempts = `${context.attempts} attempt${context.attempts === 1 ? "" : "s"}`;
    const id = context.requestId ? `, request id ${context.requestId}` : "";
    super(`${context.method} ${context.path}: ${message} (${attempts}${id})`, options);
    this.method = context.method;
    this.path = context.path;
    this.attempts = context.attempts;
    this.requestId = context.requestId;
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      method: this.method,
      path: this.path,
      attempts: this.attempts,
      requestId: this.requestId,
    };
  }
}

/** Enfuce answered with a non-2xx status. `body` is the parsed error body, typed from the spec where documented. */
export class APIError<Body = unknown> extends RequestError {
  override name = "APIError";
  readonly status: number;
  readonly body: Body;

  constructor(status: number, body: Body, context: RequestContext) {
    super(`${status}${describeBody(body)}`, context);
    this.status = status;
    this.body = body;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), status: this.status, body: this.body };
  }
}

function describeBody(body: unknown): string {
  if (typeof body === "object" && body !== null && "message" in body && typeof body.message === "string") {
    return ` ${body.message.slice(0, 200)}`;
  }
  return "";
}

export class BadRequestError<Body = unknown> extends APIError<Body> {
  override name = "BadRequestError";
}
export class AuthenticationError<Body = unknown> extends APIError<Body> {
  override name = "AuthenticationError";
}
export class PermissionDeniedError<Body = unknown> extends APIError<Body> {
  override name = "PermissionDeniedError";
}
export class NotFoundError<Body = unknown> extends APIError<Body> {
  override name = "NotFoundError";
}
export class ConflictError<Body = unknown> extends APIError<Body> {
  override name = "ConflictError";
}
export class UnprocessableError<Body = unknown> extends APIError<Body> {
  override name = "UnprocessableError";
}
export class RateLimitError<Body = unknown> extends APIError<Body> {
  override name = "RateLimitError";
}
export class ServerError<Body = unknown> extends APIError<Body> {
  override name = "ServerError";
}

const BY_STATUS: Record<number, typeof APIError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableError,
  429: RateLimitError,
};

export function errorForStatus<Body>(status: number, body: Body, context: RequestContext): APIError<Body> {
  const ErrorClass = BY_STATUS[status] ?? (status >= 500 ? ServerError : APIError);
  return new ErrorClass(status, body, context) as APIError<Body>;
}

/** The request could not be completed: refused, reset, DNS failure, or the body broke off. */
export class ConnectionError extends RequestError {
  override name = "ConnectionError";
}

/** No complete answer within the timeout. The request may have reached Enfuce. */
export class TimeoutError extends ConnectionError {
  override name = "TimeoutError";
}

/** The caller's own AbortSignal stopped the call. Never retried. */
export class RequestAbortedError extends RequestError {
  override name = "RequestAbortedError";
}

/**
 * A 2xx answer whose body cannot be read as the operation declares it: JSON that does not parse,
 * or a page of a list that holds no list.
 */
export class ResponseParseError extends RequestError {
  override name = "ResponseParseError";
  readonly status: number;

  constructor(
    status: number,
    context: RequestContext,
    options?: ErrorOptions,
    problem = "a body that is not valid JSON",
  ) {
    super(`${status} with ${problem}`, context, options);
    this.status = status;
  }
}

/** What an answer breaks, as a ResponseValidationError lists it: a JSON pointer and what the spec expects there. */
export interface ResponseProblem {
  readonly field: string;
  readonly message: string;
}

/**
 * With `validateResponses: "error"`: a 2xx whose body the spec cannot describe (a wrong type, a
 * missing required member; members and values the spec does not list yet are tolerated). `pointer`
 * names the first place, `problems` every one (at most twenty); neither holds a value of the body.
 */
export class ResponseValidationError extends ResponseParseError {
  override name = "ResponseValidationError";
  /** JSON pointer into the body (`""` is the body itself). */
  readonly pointer: string;
  readonly problems: readonly ResponseProblem[];

  constructor(status: number, problems: readonly ResponseProblem[], context: RequestContext) {
    const first = problems[0] ?? { field: "", message: "does not match the spec" };
    const where = first.field === "" ? "the body" : first.field;
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : "";
    super(status, context, undefined, `a body that does not match the spec: ${where} ${first.message}${more}`);
    this.pointer = first.field;
    this.problems = problems;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), status: this.status, pointer: this.pointer, problems: this.problems };
  }
}
