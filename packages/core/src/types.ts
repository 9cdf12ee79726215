// The typed surface of a domain client: openapi-fetch's methods over the domain's `paths`, with
// `auditUser` optional (the client sends it), per-call transport options, and `throwOnError`.
import type { MaybeOptionalInit, Middleware, ParseAs, ParseAsResponse } from "openapi-fetch";
import type {
  ErrorResponse,
  HttpMethod,
  MediaType,
  PathsWithMethod,
  RequiredKeysOf,
  ResponseObjectMap,
  SuccessResponse,
} from "openapi-typescript-helpers";
import type { RawErrorBody } from "./call/error-body";
import type { ResponseValidationError } from "./errors";
import type { FilterBuilder, FilterFieldsOf } from "./filter";
import type { ClientOptions } from "./options";
import type { Received, Sent } from "./read-write";
import type { DomainSpec } from "./spec";

/** Per-call transport options, beside openapi-fetch's own (`params`, `body`, `headers`, `signal`, ...). */
export interface CallOptions {
  /** Overrides the client's `maxRetries` for this call. */
  readonly maxRetries?: number;
  /** Overrides the client's `timeout` (ms per attempt) for this call. */
  readonly timeout?: number;
  readonly throwOnError?: boolean;
  /** The idempotency key to send; by default one is generated where the operation declares the header. */
  readonly idempotencyKey?: string;
  /**
   * Explicit choice whether this call may be repeated after a failure that may have reached Enfuce.
   * `true` opts a POST/PATCH in (you know it is safe); `false` opts any call out.
   */
  readonly retry?: boolean;
  readonly signal?: AbortSignal;
}

type RelaxQuery<Q> = Q extends { auditUser?: infer A } ? Omit<Q, "auditUser"> & { auditUser?: A } : Q;
type RelaxParameters<P> = P extends { query?: infer Q }
  ? [NonNullable<Q>] extends [never]
    ? P
    : Omit<P, "query"> &
        (RequiredKeysOf<RelaxQuery<NonNullable<Q>>> extends never
          ? { query?: RelaxQuery<NonNullable<Q>> }
          : { query: RelaxQuery<NonNullable<Q>> })
  : P;
// Parameters are sent, so they take only the documented values (openapi-fetch already drops the
// open branch of enums from bodies with `Writable`).
type RelaxOperation<O> = O extends { parameters: infer P }
  ? Omit<O, "parameters"> & { parameters: Sent<RelaxParameters<P>> }
  : O;

/** `paths` with `auditUser` optional in every query: the client adds it. */
export type WithClientAuditUser<Paths> = {
  [Path in keyof Paths]: {
    [M in keyof Paths[Path]]: M extends HttpMethod ? RelaxOperation<Paths[Path][M]> : Paths[Path][M];
  };
};

type InitOf<Paths, Path extends keyof Paths, M extends HttpMethod> = MaybeOptionalInit<
  Paths[Path],
  M & keyof Paths[Path]
> &
  CallOptions;
type InitArgs<Init> = RequiredKeysOf<Init> extends never ? [init?: Init] : [init: Init];

type DataOf<Operation, Init> = ParseAsResponse<Received<SuccessResponse<Responses<Operation>, MediaType>>, Init>;
/** What a call resolves to with `throwOnError`: the success body (`undefined` for an empty answer). */
export type ResponseData<Operation, Init = object> = [DataOf<Operation, Init>] extends [never]
  ? undefined
  : DataOf<Operation, Init>;

/** The caller's `throwOnError` for this call (a literal, or undefined when not given) decides over the client's. */
type Throws<Throw, ClientThrows extends boolean> = [Throw] extends [true]
  ? true
  : [Throw] extends [false]
    ? false
    : ClientThrows;
type ParseInit<As> = As extends ParseAs ? { parseAs: As } : object;

type Responses<Operation> =
  ResponseObjectMap<Operation> extends infer R extends Record<string | number, unknown> ? R : never;
/** The JSON objects the operation documents as error bodies. */
type DocumentedErrorBody<Operation> = Extract<Received<ErrorResponse<Responses<Operation>, MediaType>>, object>;

/**
 * `error` of a failed call: the JSON object Enfuce sent, typed as the operation's documented error
 * bodies (any JSON object where it documents none), or a RawErrorBody when the answer held no JSON
 * object. Never undefined, so `if (error)` sees every failure. A client made with
 * `validateResponses: "error"` adds ResponseValidationError (a 2xx whose body does not match the spec).
 */
export type CallError<Operation> =
  | ([DocumentedErrorBody<Operation>] extends [never]
      ? { readonly [member: string]: unknown }
      : DocumentedErrorBody<Operation>)
  | RawErrorBody;

interface ResultMeta {
  readonly response: Response;
  /** How many attempts the call took. */
  readonly attempts: number;
  /** The id the answer carried (`x-request-id`, `x-correlation-id` or `request-id`), for Enfuce support. */
  readonly requestId: string | undefined;
}

/**
 * The default result: `{ data }` for a 2xx, `{ error }` for any other status (and, in `Invalid`, a
 * 2xx that fails the client's response checks), never both, never neither.
 */
export type CallResult<Operation, Init, Invalid = never> =
  | (ResultMeta & { readonly data: ResponseData<Operation, Init>; readonly error?: never })
  | (ResultMeta & { readonly data?: never; readonly error: CallError<Operation> | Invalid });

// Only `throwOnError` and `parseAs` are inferred from the call; the rest of `init` is checked against
// the operation's own type, so TypeScript flags members the spec does not have.
type Method<Paths extends {}, M extends HttpMethod, ClientThrows extends boolean, Invalid> = <
  Path extends PathsWithMethod<Paths, M>,
  Throw extends boolean | undefined = undefined,
  As extends ParseAs | undefined = undefined,
>(
  url: Path,
  ...init: InitArgs<InitOf<Paths, Path, M> & { readonly throwOnError?: Throw; readonly parseAs?: As }>
) => Promise<
  Throws<Throw, ClientThrows> extends true
    ? ResponseData<Paths[Path][M & keyof Paths[Path]], ParseInit<As>>
    : CallResult<Paths[Path][M & keyof Paths[Path]], ParseInit<As>, Invalid>
>;

/** The GET paths whose generated facts carry `Feature` (`paging`, `filter`). */
type GetPathWith<Spec extends DomainSpec, Feature extends string> = {
  [K in keyof Spec["operations"]]: K extends `GET ${infer P}`
    ? Spec["operations"][K] extends Record<Feature, object>
      ? P
      : never
    : never;
}[keyof Spec["operations"]];

type PageOf<Paths, Path extends keyof Paths> = ResponseData<Paths[Path]["get" & keyof Paths[Path]]>;
/** Where the items are in the answer of a paged GET, as its generated `paging.items` says. */
type ItemsPathOf<Spec extends DomainSpec, Path> = Spec["operations"][`GET ${Path & string}`] extends {
  paging: { items: infer Items extends readonly string[] };
}
  ? Items
  : readonly [];
type Member<T, Name extends string> = T extends object ? (Name extends keyof T ? T[Name] : undefined) : undefined;
type At<T, Path extends readonly string[]> = Path extends readonly [
  infer Name extends string,
  ...infer Rest extends readonly string[],
]
  ? At<Member<NonNullable<T>, Name>, Rest>
  : T;
/** A list's element, or the value itself where the answer may be one item on its own. */
type ElementOf<T> = T extends readonly (infer Element)[] ? Element : T;
/** The item type of a page: the elements of the list at `Items` in the answer (unknown if untyped). */
export type ItemOf<Page, Items extends readonly string[]> =
  unknown extends At<Page, Items> ? unknown : ElementOf<NonNullable<At<Page, Items>>>;
/** A page's answer, never undefined: iteration ends before an empty answer. */
type PageBody<Page> = unknown extends Page ? unknown : NonNullable<Page>;

/** Async iteration over the items of a paged list; `pages()` iterates whole pages instead. */
export interface PageIterator<Item, Page> extends AsyncIterable<Item> {
  pages(): AsyncIterable<Page>;
  toArray(): Promise<Item[]>;
}

type ThrowsOf<Options> = Options extends { throwOnError: true } ? true : false;
/** ResponseValidationError where the client's options may say `validateResponses: "error"`. */
type InvalidOf<Options> = "validateResponses" extends keyof Options
  ? "error" extends Options["validateResponses" & keyof Options]
    ? ResponseValidationError
    : never
  : never;

/** What `client.request` takes: the call options of a typed call, with an untyped body and parameters. */
export interface RawRequestInit extends CallOptions {
  readonly params?: {
    /** Values for the `{name}` placeholders of the path, each encoded as one segment. */
    readonly path?: { readonly [name: string]: string | number };
    /** The query; `auditUser` is added unless given (`auditUser: undefined` sends none). */
    readonly query?: { readonly [name: string]: unknown };
    readonly header?: { readonly [name: string]: string };
  };
  /** Sent as JSON. */
  readonly body?: unknown;
  /** As `fetch` takes them; spelled through `RequestInit`, which Node's types declare (`HeadersInit` is only in the DOM library). */
  readonly headers?: RequestInit["headers"];
  readonly parseAs?: ParseAs;
}

/** The default result of `client.request`: a 2xx's body as `data` (parsed JSON, else text), or `error`. */
export type RawCallResult<Invalid = never> =
  | (ResultMeta & { readonly data: unknown; readonly error?: never })
  | (ResultMeta & {
      readonly data?: never;
      readonly error: { readonly [member: string]: unknown } | RawErrorBody | Invalid;
    });

export type RequestMethod = "GET" | "PUT" | "POST" | "DELETE" | "PATCH" | "HEAD" | "OPTIONS";

export interface EnfuceClient<
  Paths extends {},
  Spec extends DomainSpec,
  Options extends ClientOptions = ClientOptions,
> {
  GET: Method<WithClientAuditUser<Paths>, "get", ThrowsOf<Options>, InvalidOf<Options>>;
  PUT: Method<WithClientAuditUser<Paths>, "put", ThrowsOf<Options>, InvalidOf<Options>>;
  POST: Method<WithClientAuditUser<Paths>, "post", ThrowsOf<Options>, InvalidOf<Options>>;
  DELETE: Method<WithClientAuditUser<Paths>, "delete", ThrowsOf<Options>, InvalidOf<Options>>;
  PATCH: Method<WithClientAuditUser<Paths>, "patch", ThrowsOf<Options>, InvalidOf<Options>>;
  HEAD: Method<WithClientAuditUser<Paths>, "head", ThrowsOf<Options>, InvalidOf<Options>>;
  OPTIONS: Method<WithClientAuditUser<Paths>, "options", ThrowsOf<Options>, InvalidOf<Options>>;
  /** Iterates every item of a paged list operation, page by page, within the documented size limits. */
  paginate<Path extends GetPathWith<Spec, "paging"> & PathsWithMethod<WithClientAuditUser<Paths>, "get">>(
    url: Path,
    ...init: InitArgs<InitOf<WithClientAuditUser<Paths>, Path, "get">>
  ): PageIterator<ItemOf<PageOf<Paths, Path>, ItemsPathOf<Spec, Path>>, PageBody<PageOf<Paths, Path>>>;
  /** A filter expression builder restricted to the fields and values the operation documents. */
  filter<Path extends GetPathWith<Spec, "filter">>(url: Path): FilterBuilder<FilterFieldsOf<Spec, Path>>;
  /**
   * A call to an endpoint the spec does not have yet, with the client's credentials, audit user,
   * retries, timeouts, errors and logging; untyped. `path` is a template under the base URL
   * (`/v5/cards/{cardId}/freeze`) filled from `params.path`. A POST or PATCH is repeated only with
   * `retry: true` or when it provably never left; `idempotencyKey` is sent as `x-idempotency-key`
   * but proves nothing on its own. An operation the spec does know behaves as its typed method.
   */
  request<Throw extends boolean | undefined = undefined>(
    method: RequestMethod,
    path: string,
    init?: RawRequestInit & { readonly throwOnError?: Throw },
  ): Promise<Throws<Throw, ThrowsOf<Options>> extends true ? unknown : RawCallResult<InvalidOf<Options>>>;
  use(...middleware: Middleware[]): void;
  eject(...middleware: Middleware[]): void;
  readonly baseUrl: string;
}
