// How a route uses a shared store: how long a claim holds, how long a store call may take before
// the receiver goes on without it, and what a notification receiver does then. Checked once, when
// the handler is created.
import { ConfigurationError } from "../errors";
import { createMemoryDecisionStore, type DecisionStore } from "./decisions";
import { createMemoryDeduplicationStore, type DeduplicationStore } from "./deduplication";

/**
 * What an acknowledgement receiver does when the deduplication store fails or is too slow:
 * `answer-503` (the default) does not process the call and answers 503, so that Enfuce delivers it
 * again later and nothing is lost; `process-anyway` processes it without deduplication, so it may
 * be processed twice.
 */
export type WhenStoreFails = "answer-503" | "process-anyway";

/** A claim holds this long unless completed or released: long enough for code running past its deadline. */
export const DEFAULT_LEASE_MS = 30_000;
/** Without an explicit `storeTimeoutMs`, a store call may take this share of the route's deadline. */
export const DEFAULT_STORE_TIMEOUT_SHARE = 0.1;

export interface StoreTiming {
  /** Milliseconds a store call may take before the receiver goes on without it. Default: `DEFAULT_STORE_TIMEOUT_SHARE` of the deadline. */
  readonly storeTimeoutMs?: number | undefined;
}

export interface DeduplicationOptions extends StoreTiming {
  readonly store: DeduplicationStore;
  /**
   * Milliseconds a claim holds before a redelivery may be processed elsewhere (the holder is presumed
   * dead). Default: `DEFAULT_LEASE_MS`, or twice the deadline if that is longer.
   */
  readonly leaseMs?: number | undefined;
  /** Default `answer-503`: nothing is lost. */
  readonly whenStoreFails?: WhenStoreFails | undefined;
}

export interface DecisionStoreOptions extends StoreTiming {
  readonly store: DecisionStore;
}

const isPositive = (value: unknown): value is number =>
  typeof value === "number" && Number.isFinite(value) && value > 0;

/** The milliseconds a store call may take: given, or a share of the deadline, and always less than the deadline. */
export function storeTimeoutOf(operationId: string, storeTimeoutMs: unknown, deadlineMs: number): number {
  if (storeTimeoutMs === undefined) return Math.max(1, Math.floor(deadlineMs * DEFAULT_STORE_TIMEOUT_SHARE));
  if (!isPositive(storeTimeoutMs) || storeTimeoutMs >= deadlineMs) {
    throw new ConfigurationError(
      `${operationId}: storeTimeoutMs must be a positive number of milliseconds below the ${deadlineMs} ms deadline`,
    );
  }
  return storeTimeoutMs;
}

/** The lease of a claim: given or the default, and longer than the deadline, so it cannot run out while the code may still answer. */
export function leaseOf(operationId: string, leaseMs: unknown, deadlineMs: number): number {
  if (leaseMs === undefined) return Math.max(DEFAULT_LEASE_MS, deadlineMs * 2);
  if (!isPositive(leaseMs) || leaseMs <= deadlineMs) {
    throw new ConfigurationError(
      `${operationId}: leaseMs must be a number of milliseconds above the ${deadlineMs} ms deadline`,
    );
  }
  return leaseMs;
}

export function whenStoreFailsOf(operationId: string, value: unknown): WhenStoreFails {
  if (value === undefined) return "answer-503";
  if (value === "answer-503" || value === "process-anyway") return value;
  throw new ConfigurationError(`${operationId}: whenStoreFails must be "answer-503" or "process-anyway"`);
}

const hasMethod = (value: object, method: string) => typeof (value as Record<string, unknown>)[method] === "function";

/**
 * A handler's store option as a route takes it: a store, options with a store, `false` for none,
 * or (when absent) the in-memory default from `createDefault`. `method` tells a store from options.
 */
function storeOptionOf<Store extends object, Options extends { readonly store: Store }>(
  name: string,
  option: Store | Options | false | undefined,
  createDefault: () => Store,
  method: string,
): Options | undefined {
  if (option === false) return undefined;
  if (option === undefined) return { store: createDefault() } as Options;
  if (typeof option !== "object" || option === null) {
    throw new ConfigurationError(`${name} must be a store, options with a store, or false`);
  }
  if (hasMethod(option, method)) return { store: option } as Options;
  const { store } = option as Options;
  if (typeof store !== "object" || store === null || !hasMethod(store, method)) {
    throw new ConfigurationError(`${name}.store must be a store (an object with ${method}())`);
  }
  return option as Options;
}

/** The `deduplication` option of a handler; absent means the in-memory store. */
export const deduplicationOptionOf = (option: DeduplicationStore | DeduplicationOptions | false | undefined) =>
  storeOptionOf<DeduplicationStore, DeduplicationOptions>(
    "deduplication",
    option,
    createMemoryDeduplicationStore,
    "claim",
  );

/** The `decisions` option of a handler; absent means the in-memory store. */
export const decisionsOptionOf = (option: DecisionStore | DecisionStoreOptions | false | undefined) =>
  storeOptionOf<DecisionStore, DecisionStoreOptions>("decisions", option, createMemoryDecisionStore, "retain");
