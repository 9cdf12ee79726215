// One resource family's rows, keyed by id, in creation order (lists answer in that order).
import { notFound } from "../engine/refusal";

export class Table<Row extends { readonly id: string }> {
  readonly #rows = new Map<string, Row>();
  readonly #what: string;

  /** @param what how an answer names one row: "customer", "instalment plan" */
  constructor(what: string) {
    this.#what = what;
  }

  get(id: string | number | undefined): Row | undefined {
    return id === undefined ? undefined : this.#rows.get(String(id));
  }

  /** The row, or the refusal the API gives for an unknown id, naming the parameter or member. */
  require(id: string | number | undefined, field: string): Row {
    const row = this.get(id);
    if (!row) throw notFound(`${this.#what} ${JSON.stringify(String(id))}`, field);
    return row;
  }

  has(id: string): boolean {
    return this.#rows.has(id);
  }

  insert(row: Row): Row {
    if (this.#rows.has(row.id)) throw new Error(`sandbox defect: ${this.#what} ${row.id} exists already`);
    this.#rows.set(row.id, row);
    return row;
  }

  all(): Row[] {
    return [...this.#rows.values()];
  }

  filter(predicate: (row: Row) => boolean): Row[] {
    return this.all().filter(predicate);
  }

  find(predicate: (row: Row) => boolean): Row | undefined {
    for (const row of this.#rows.values()) if (predicate(row)) return row;
    return undefined;
  }

  clear(): void {
    this.#rows.clear();
  }

  get size(): number {
    return this.#rows.size;
  }
}
