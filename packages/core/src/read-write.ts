// Tolerant reader, strict writer, in types. The generated schemas mark what only one side has with
// openapi-typescript's markers: read-only members are `$Read<T>`, and every open enum carries a
// `$Read<string & {}>` branch for the values Enfuce may add. `Received` unwraps the markers (an
// unknown enum value compiles, a `switch` still narrows on the listed ones); `Sent` drops them (a
// request or a webhook answer takes the documented values only).
//
// openapi-typescript-helpers' `Readable`/`Writable` do the same, but treat `string & {}` as an
// object (it extends `object`) and map it member by member into something no string is assignable
// to; primitives are leaves here.
import type { $Read, $Write } from "openapi-typescript-helpers";

type Primitive = string | number | boolean | bigint | symbol | null | undefined;

/** A generated schema type as Enfuce sends it to you: open enums, read-only members, no write-only ones. */
export type Received<T> =
  T extends $Write<unknown>
    ? never
    : T extends $Read<infer U>
      ? Received<U>
      : T extends Primitive
        ? T
        : T extends readonly (infer E)[]
          ? Received<E>[]
          : T extends object
            ? { [K in keyof T as NonNullable<T[K]> extends $Write<unknown> ? never : K]: Received<T[K]> }
            : T;

/** The members of `T` that are read-only (`$Read`), which a body must leave out. */
type ReadOnlyKeys<T> = keyof { [K in keyof T as NonNullable<T[K]> extends $Read<unknown> ? K : never]: unknown };

/** A generated schema type as you send it: documented enum values only, no read-only members. */
export type Sent<T> =
  T extends $Read<unknown>
    ? never
    : T extends $Write<infer U>
      ? Sent<U>
      : T extends Primitive
        ? T
        : T extends readonly (infer E)[]
          ? Sent<E>[]
          : T extends object
            ? [ReadOnlyKeys<T>] extends [never]
              ? { [K in keyof T]: Sent<T[K]> }
              : { [K in keyof T as K extends ReadOnlyKeys<T> ? never : K]: Sent<T[K]> } & {
                  [K in ReadOnlyKeys<T>]?: never;
                }
            : T;
