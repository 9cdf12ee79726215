// Walks a paged list in the style its spec declares (see Paging): `page`/`size` pages whose items
// sit anywhere in the answer (a `{ pagination, data }` wrapper, another wrapper, or the answer
// itself), or pages chained by a continuation key. A page that fails rejects the iteration; a page
// that holds no list, or a key that leads back to itself, does too. Members may be missing: a
// missing list is an empty page, a missing page count or next key means there is no more.
import { type CallSite, ConfigurationError, type RequestContext, ResponseParseError } from "./errors";
import type { Paging } from "./spec";
import type { PageIterator } from "./types";

type Query = Record<string, unknown>;
type QueryInit = { params?: { query?: Query } & Record<string, unknown> } & Record<string, unknown>;

/** One page as fetched: its answer, and where a ResponseParseError about it would point. */
export interface FetchedPage {
  readonly body: unknown;
  readonly status: number;
  readonly context: RequestContext;
}

/** Resolves to one page's answer or rejects with the call's typed error. */
export type FetchPage = (init: QueryInit) => Promise<FetchedPage>;

const valueAt = (body: unknown, path: readonly string[]): unknown => {
  let value = body;
  for (const name of path) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<string, unknown>)[name];
  }
  return value;
};

/** The page's items: the list at `paging.items`, none when it is missing, else a ResponseParseError. */
function itemsOf(page: FetchedPage, paging: Paging): readonly unknown[] {
  const list = valueAt(page.body, paging.items);
  if (Array.isArray(list)) return list;
  if (list === undefined || list === null) return [];
  if (paging.single && typeof list === "object") return [list];
  const where = paging.items.length === 0 ? "" : ` at ${paging.items.join(".")}`;
  throw new ResponseParseError(page.status, page.context, undefined, `a page that holds no list${where}`);
}

const isEmptyKey = (key: unknown) =>
  key === undefined || key === null || key === "" || (typeof key === "object" && Object.keys(key).length === 0);

function checkedSize(paging: Paging, query: Query, call: CallSite): number | undefined {
  const size = query.size ?? paging.sizeDefault ?? undefined;
  if (
    size !== undefined &&
    (!Number.isInteger(size) ||
      (size as number) < paging.sizeMin ||
      (paging.sizeMax !== null && (size as number) > paging.sizeMax))
  ) {
    throw new ConfigurationError(`size must be an integer from ${paging.sizeMin} to ${paging.sizeMax ?? "∞"}`, call);
  }
  return size as number | undefined;
}

function checkedFirstPage(query: Query, call: CallSite): number {
  const first = query.page ?? 0;
  if (!Number.isInteger(first) || (first as number) < 0)
    throw new ConfigurationError("page must be an integer >= 0", call);
  return first as number;
}

/** One iteration's fixed inputs; each walk through the pages starts from them afresh. */
interface Walk {
  readonly paging: Paging;
  readonly init: QueryInit;
  readonly query: Query;
  readonly size: number | undefined;
  readonly fetchPage: FetchPage;
}

const fetchWith = ({ init, size, fetchPage }: Walk, query: Query) =>
  fetchPage({ ...init, params: { ...init.params, query: size === undefined ? query : { ...query, size } } });

/** Pages of the `page`/`size` style, each with its items, from the requested start page. */
async function* numberedPages(walk: Walk, first: number) {
  for (let page = first; ; page++) {
    const fetched = await fetchWith(walk, { ...walk.query, page });
    const items = itemsOf(fetched, walk.paging);
    if (items.length === 0) return;
    yield [fetched.body, items] as const;
    // The last page: the one the answer announces, else one shorter than asked for.
    const pages = walk.paging.pages ? valueAt(fetched.body, walk.paging.pages) : undefined;
    if (typeof pages === "number" ? page + 1 >= pages : walk.size !== undefined && items.length < walk.size) return;
  }
}

/** Pages of the continuation-key style: each answer hands back the key of the next page until the last. */
async function* keyedPages(walk: Walk) {
  const startKey = walk.paging.startKey as string;
  let key = walk.query[startKey];
  for (;;) {
    const fetched = await fetchWith(walk, { ...walk.query, [startKey]: key });
    const items = itemsOf(fetched, walk.paging);
    if (items.length > 0) yield [fetched.body, items] as const;
    const next = valueAt(fetched.body, walk.paging.nextKey ?? []);
    if (isEmptyKey(next)) return;
    // A server that hands back the key it was given would keep this loop going for ever.
    if (key !== undefined && JSON.stringify(next) === JSON.stringify(key)) {
      throw new ResponseParseError(fetched.status, fetched.context, undefined, "the same continuation key it was sent");
    }
    key = next;
  }
}

/** `fetchPage` resolves to a page or rejects; argument errors are thrown here, before any request. */
export function createPageIterator<Item, Page>(
  paging: Paging,
  init: QueryInit,
  fetchPage: FetchPage,
  call: CallSite,
): PageIterator<Item, Page> {
  const query = init.params?.query ?? {};
  const walk: Walk = { paging, init, query, size: checkedSize(paging, query, call), fetchPage };
  const first = paging.style === "page" ? checkedFirstPage(query, call) : 0;
  const walkPages = () => (paging.style === "key" ? keyedPages(walk) : numberedPages(walk, first));

  async function* pages(): AsyncGenerator<Page> {
    for await (const [body] of walkPages()) yield body as Page;
  }
  async function* items(): AsyncGenerator<Item> {
    for await (const [, list] of walkPages()) yield* list as Item[];
  }
  return {
    [Symbol.asyncIterator]: () => items(),
    pages,
    async toArray() {
      const all: Item[] = [];
      for await (const item of items()) all.push(item);
      return all;
    },
  };
}
