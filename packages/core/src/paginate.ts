// Walks a `page`/`size` list with a `pagination { page, pages, elements, size }` wrapper.
import { ConfigurationError } from "./errors";
import type { OperationMeta } from "./spec";
import type { PageIterator } from "./types";

interface PageBody<Item> {
  readonly pagination?: { readonly page?: number; readonly pages?: number };
  readonly data?: readonly Item[];
}
type QueryInit = { params?: { query?: Record<string, unknown> } & Record<string, unknown> } & Record<string, unknown>;

/** `fetchPage` resolves to a page body or throws; paging is zero-based as the docs define it. */
export function createPageIterator<Item, Page extends PageBody<Item>>(
  paging: NonNullable<OperationMeta["paging"]>,
  init: QueryInit,
  fetchPage: (init: QueryInit) => Promise<Page>,
  where: string,
): PageIterator<Item, Page> {
  const query = init.params?.query ?? {};
  const firstPage = (query.page as number | undefined) ?? 0;
  const size = (query.size as number | undefined) ?? paging.sizeDefault ?? undefined;
  if (
    size !== undefined &&
    (!Number.isInteger(size) || size < paging.sizeMin || (paging.sizeMax !== null && size > paging.sizeMax))
  ) {
    throw new ConfigurationError(
      `${where}: size must be an integer from ${paging.sizeMin} to ${paging.sizeMax ?? "∞"}`,
    );
  }
  if (!Number.isInteger(firstPage) || firstPage < 0)
    throw new ConfigurationError(`${where}: page must be an integer >= 0`);

  async function* pages(): AsyncGenerator<Page> {
    for (let page = firstPage; ; page++) {
      const body = await fetchPage({
        ...init,
        params: { ...init.params, query: { ...query, page, ...(size === undefined ? {} : { size }) } },
      });
      const items = body?.data ?? [];
      if (items.length === 0) return;
      yield body;
      const total = body.pagination?.pages;
      // Stop at the last page; a server that does not say how many pages there are ends on an empty one.
      if (typeof total === "number" && page + 1 >= total) return;
    }
  }

  async function* items(): AsyncGenerator<Item> {
    for await (const page of pages()) yield* page.data ?? [];
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
