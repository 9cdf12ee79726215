// Compile-time guarantees of the typed surface, checked by `vitest typecheck`; nothing here runs.
import { describe, expectTypeOf, test } from "vitest";
import {
  type CallResult,
  type ClientOptions,
  createEnfuceClient,
  type FilterExpression,
  type PageIterator,
  type RawCallResult,
  RawErrorBody,
  type ResponseValidationError,
} from "../src/index";
import { createTestClient, type Item, type ItemList, type Payment, type paths, testSpec } from "./support/test-api";

const options = {
  credentials: { username: "u", password: "p" },
  auditUser: "backoffice",
  baseUrl: "http://127.0.0.1:9",
} as const;
const getItem = { params: { path: { itemId: "item-1" } } } as const;

describe("default results", () => {
  const client = createTestClient(options);

  test("are { data, error, response } with optional data, plus the attempts", async () => {
    const result = await client.GET("/items/{itemId}", getItem);
    expectTypeOf(result.data).toEqualTypeOf<Item | undefined>();
    expectTypeOf(result.response).toEqualTypeOf<Response>();
    expectTypeOf(result.attempts).toEqualTypeOf<number>();
    expectTypeOf(result.requestId).toEqualTypeOf<string | undefined>();
    if (result.error) expectTypeOf(result.error).toEqualTypeOf<{ message?: string } | RawErrorBody>();
    else expectTypeOf(result.data).toEqualTypeOf<Item>();
  });

  test("error is the documented error body or the fallback, and never undefined once data is absent", async () => {
    const result = await client.GET("/items/{itemId}", getItem);
    if (result.data === undefined) expectTypeOf(result.error).toEqualTypeOf<{ message?: string } | RawErrorBody>();
    if (result.error instanceof RawErrorBody) expectTypeOf(result.error.text).toEqualTypeOf<string>();
    else if (result.error) expectTypeOf(result.error).toEqualTypeOf<{ message?: string }>();
  });

  test("throwOnError per call turns one call into data, non-optional", async () => {
    expectTypeOf(await client.GET("/items/{itemId}", { ...getItem, throwOnError: true })).toEqualTypeOf<Item>();
    expectTypeOf(await client.POST("/payments", { body: { amount: 1 }, throwOnError: true })).toEqualTypeOf<Payment>();
  });
});

describe("throwOnError client-wide", () => {
  const client = createTestClient({ ...options, throwOnError: true });

  test("calls resolve to the data, non-optional", async () => {
    expectTypeOf(await client.GET("/items/{itemId}", getItem)).toEqualTypeOf<Item>();
    expectTypeOf(await client.GET("/items")).toEqualTypeOf<ItemList>();
  });

  test("a 204 operation resolves to undefined", async () => {
    expectTypeOf(await client.DELETE("/items/{itemId}", getItem)).toEqualTypeOf<undefined>();
  });

  test("throwOnError: false per call gives the default result back", async () => {
    const result = await client.GET("/items/{itemId}", { ...getItem, throwOnError: false });
    expectTypeOf(result).toHaveProperty("error");
    expectTypeOf(result.data).toEqualTypeOf<Item | undefined>();
  });
});

describe("createEnfuceClient called directly", () => {
  test("takes the paths, the spec and the options as type arguments", async () => {
    const client = createEnfuceClient<paths, typeof testSpec, typeof options & { throwOnError: true }>(
      { ...options, throwOnError: true },
      testSpec,
    );
    expectTypeOf(await client.GET("/items/{itemId}", getItem)).toEqualTypeOf<Item>();
    const defaults = createEnfuceClient<paths, typeof testSpec>(options, testSpec);
    expectTypeOf(await defaults.GET("/items/{itemId}", getItem)).toExtend<
      CallResult<paths["/items/{itemId}"]["get"], typeof getItem>
    >();
  });
});

describe("auditUser", () => {
  const client = createTestClient(options);

  test("is not demanded by any call, but may still be given", () => {
    client.GET("/items");
    client.POST("/items", { body: { reference: "r" } });
    client.GET("/items", { params: { query: { auditUser: "someone-else", size: 5 } } });
  });

  test("the rest of the parameters still are", () => {
    // @ts-expect-error the path parameter is required
    client.GET("/items/{itemId}");
    // @ts-expect-error the body is required
    client.POST("/items", {});
    // @ts-expect-error size is a number
    client.GET("/items", { params: { query: { size: "5" } } });
  });

  test("per-call transport options are typed", () => {
    client.POST("/items", { body: { reference: "r" }, retry: true, maxRetries: 1, timeout: 500, idempotencyKey: "k" });
    // @ts-expect-error retry is a boolean
    client.GET("/items", { retry: "yes" });
  });
});

describe("paginate", () => {
  const client = createTestClient(options);

  test("iterates typed items, pages() typed pages", async () => {
    const iterator = client.paginate("/items", { params: { query: { size: 20 } } });
    expectTypeOf(iterator).toEqualTypeOf<PageIterator<Item, ItemList>>();
    for await (const item of iterator) expectTypeOf(item).toEqualTypeOf<Item>();
    for await (const page of iterator.pages()) expectTypeOf(page).toEqualTypeOf<ItemList>();
    expectTypeOf(iterator.toArray()).resolves.toEqualTypeOf<Item[]>();
  });

  test("only accepts paged list operations", () => {
    // @ts-expect-error not a paged operation
    client.paginate("/items/{itemId}", getItem);
  });
});

describe("filter", () => {
  const client = createTestClient(options);
  type ItemFilter = FilterExpression<(typeof testSpec.operations)["GET /items"]["filter"]["fields"]>;

  test("builds from documented fields and values", () => {
    expectTypeOf(client.filter("/items").eq("status", "OPEN")).toEqualTypeOf<ItemFilter>();
    client.filter("/items").anyOf("status", ["OPEN", "CLOSED"]).or("reference", "any-free-text");
  });

  test("rejects undocumented fields and values", () => {
    // @ts-expect-error not a documented value of status
    client.filter("/items").eq("status", "PENDING");
    // @ts-expect-error not a documented field
    client.filter("/items").eq("colour", "red");
    // @ts-expect-error anyOf needs at least one value
    client.filter("/items").anyOf("status", []);
    // @ts-expect-error the operation documents no filter
    client.filter("/items/{itemId}");
  });
});

describe("validateResponses", () => {
  test('"error" adds ResponseValidationError to `error`; other modes leave it out', async () => {
    const strict = createTestClient({ ...options, validateResponses: "error" });
    const result = await strict.GET("/items/{itemId}", getItem);
    if (result.error)
      expectTypeOf(result.error).toEqualTypeOf<{ message?: string } | RawErrorBody | ResponseValidationError>();
    const raw = await strict.request("GET", "/v5/cards");
    if (raw.error)
      expectTypeOf(raw.error).toEqualTypeOf<
        { readonly [member: string]: unknown } | RawErrorBody | ResponseValidationError
      >();
    const warned = await createTestClient({ ...options, validateResponses: "warn" }).GET("/items/{itemId}", getItem);
    if (warned.error) expectTypeOf(warned.error).toEqualTypeOf<{ message?: string } | RawErrorBody>();
  });

  test('options typed as ClientOptions may say "error"', async () => {
    const loose: ClientOptions = options;
    const result = await createTestClient(loose).GET("/items/{itemId}", getItem);
    if (result.error)
      expectTypeOf(result.error).toEqualTypeOf<{ message?: string } | RawErrorBody | ResponseValidationError>();
  });
});

describe("request (an endpoint the spec does not have)", () => {
  test("answers untyped: data unknown, error a JSON object or a RawErrorBody", async () => {
    const result = await createTestClient(options).request("GET", "/v5/cards/{cardId}", {
      params: { path: { cardId: "c-1" } },
    });
    expectTypeOf(result).toEqualTypeOf<RawCallResult>();
    if (result.error) expectTypeOf(result.error).toEqualTypeOf<{ readonly [member: string]: unknown } | RawErrorBody>();
    else expectTypeOf(result.data).toEqualTypeOf<unknown>();
  });

  test("throwOnError, per call or client-wide, resolves to the data", async () => {
    expectTypeOf(
      await createTestClient(options).request("POST", "/v5/x", { throwOnError: true }),
    ).toEqualTypeOf<unknown>();
    const strict = createTestClient({ ...options, throwOnError: true });
    expectTypeOf(await strict.request("GET", "/v5/x")).toEqualTypeOf<unknown>();
    expectTypeOf(await strict.request("GET", "/v5/x", { throwOnError: false })).toEqualTypeOf<RawCallResult>();
  });

  test("takes the methods a call may use and the call options", () => {
    const client = createTestClient(options);
    client.request("PATCH", "/v5/x", { body: { any: ["thing"] }, retry: true, idempotencyKey: "k", timeout: 1 });
    // @ts-expect-error not a method the SDK sends
    client.request("TRACE", "/v5/x");
    // @ts-expect-error maxRetries is a number
    client.request("GET", "/v5/x", { maxRetries: "2" });
  });
});
