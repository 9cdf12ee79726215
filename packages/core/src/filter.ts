// Enfuce filter expressions (`status eq WAITING or status eq OVERDUE`), limited to the fields,
// values and operators an operation documents. Types restrict them at compile time; the same
// facts from the generated spec check them at run time for callers without TypeScript.
import { type CallSite, ConfigurationError } from "./errors";
import type { DomainSpec, OperationMeta } from "./spec";

type FilterMeta = NonNullable<OperationMeta["filter"]>;
type Fields = { readonly [field: string]: readonly string[] | null };

export type FilterFieldsOf<Spec extends DomainSpec, Path extends string> = Spec["operations"][`GET ${Path}`] extends {
  filter: { fields: infer F extends Fields };
}
  ? F
  : never;

type ValueOf<Allowed> = Allowed extends readonly (infer Value)[] ? Value : string;

/** A finished expression; pass it as the `filter` query value (it converts to a string). */
export interface FilterExpression<F extends Fields> {
  /** Adds an alternative: `… or field eq value`. */
  or<K extends keyof F & string>(field: K, value: ValueOf<F[K]>): FilterExpression<F>;
  toString(): string;
}

export interface FilterBuilder<F extends Fields> {
  eq<K extends keyof F & string>(field: K, value: ValueOf<F[K]>): FilterExpression<F>;
  /** `(field eq a or field eq b …)`: matches any of the values. */
  anyOf<K extends keyof F & string>(
    field: K,
    values: readonly [ValueOf<F[K]>, ...ValueOf<F[K]>[]],
  ): FilterExpression<F>;
}

// Free-text values must stay one token of the expression.
const SAFE_FREE_VALUE = /^[A-Za-z0-9_.:-]+$/;

export function createFilterBuilder<F extends Fields>(meta: FilterMeta | undefined, call: CallSite): FilterBuilder<F> {
  if (!meta) throw new ConfigurationError("documents no filter", call);
  const term = (field: string, value: string) => {
    if (!Object.hasOwn(meta.fields, field)) {
      throw new ConfigurationError(
        `filter field ${JSON.stringify(field)} is not documented; use one of ${Object.keys(meta.fields).join(", ")}`,
        call,
      );
    }
    const allowed = meta.fields[field];
    if (allowed ? !allowed.includes(value) : !SAFE_FREE_VALUE.test(String(value))) {
      throw new ConfigurationError(
        `filter value ${JSON.stringify(String(value)).slice(0, 60)} is not allowed for ${field}${allowed ? `; use one of ${allowed.join(", ")}` : ""}`,
        call,
      );
    }
    return `${field} eq ${value}`;
  };
  const requireOperator = (operator: string) => {
    if (!meta.operators.includes(operator))
      throw new ConfigurationError(`the filter operator ${operator} is not documented`, call);
  };
  const expression = (terms: readonly string[]): FilterExpression<F> => ({
    or(field, value) {
      requireOperator("or");
      return expression([...terms, term(field, value)]);
    },
    toString: () => (terms.length === 1 ? (terms[0] as string) : `(${terms.join(" or ")})`),
  });
  return {
    eq(field, value) {
      requireOperator("eq");
      return expression([term(field, value)]);
    },
    anyOf(field, values) {
      requireOperator("eq");
      if (values.length > 1) requireOperator("or");
      return expression(values.map((value) => term(field, value)));
    },
  };
}
