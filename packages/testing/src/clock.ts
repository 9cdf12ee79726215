// The sandbox's time: it starts at a fixed instant and moves only when a test moves it, so every
// timestamp an answer carries is known in advance. Time-based behaviour (idempotency keys expiring
// after 24 hours, due dates) follows this clock, never the machine's.

/** A length of time: milliseconds, or named parts. */
export type Duration =
  | number
  | {
      readonly days?: number;
      readonly hours?: number;
      readonly minutes?: number;
      readonly seconds?: number;
      readonly milliseconds?: number;
    };

export interface SandboxClock {
  /** The sandbox's current time. */
  now(): Date;
  /** Moves time forward (never back) and returns the new time. */
  advance(duration: Duration): Date;
  /** Sets the time; it may not go back. */
  set(to: Date | string): Date;
}

const MS = { days: 86_400_000, hours: 3_600_000, minutes: 60_000, seconds: 1000, milliseconds: 1 } as const;

export function toMilliseconds(duration: Duration): number {
  let ms = 0;
  if (typeof duration === "number") ms = duration;
  else if (typeof duration === "object" && duration !== null) {
    for (const [unit, value] of Object.entries(duration)) {
      const factor = MS[unit as keyof typeof MS];
      if (factor === undefined)
        throw new TypeError(`clock: unknown unit ${JSON.stringify(unit)}; use ${Object.keys(MS).join(", ")}`);
      if (typeof value !== "number") throw new TypeError(`clock: ${unit} must be a number`);
      ms += value * factor;
    }
  } else
    throw new TypeError(
      "clock: a duration is a number of milliseconds or { days, hours, minutes, seconds, milliseconds }",
    );
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError("clock: time only moves forward; the duration must be >= 0");
  return ms;
}

export function parseInstant(value: Date | string, what: string): number {
  const time = value instanceof Date ? value.getTime() : Date.parse(value);
  if (Number.isNaN(time))
    throw new TypeError(
      `${what} must be a Date or an ISO 8601 date-time, got ${JSON.stringify(String(value)).slice(0, 60)}`,
    );
  return time;
}

export class ManualClock implements SandboxClock {
  readonly #start: number;
  #now: number;

  constructor(start: number) {
    this.#start = start;
    this.#now = start;
  }

  now(): Date {
    return new Date(this.#now);
  }

  advance(duration: Duration): Date {
    this.#now += toMilliseconds(duration);
    return this.now();
  }

  set(to: Date | string): Date {
    const time = parseInstant(to, "clock.set()");
    if (time < this.#now) throw new RangeError("clock: time only moves forward; use sandbox.reset() to start over");
    this.#now = time;
    return this.now();
  }

  /** Milliseconds since the epoch. */
  get millis(): number {
    return this.#now;
  }

  /** `2025-01-01T09:30:00Z`: second precision, UTC, as Enfuce's older examples show. */
  timestamp(): string {
    return new Date(this.#now).toISOString().replace(/\.\d{3}Z$/, "Z");
  }

  /** `2025-01-01` */
  date(offsetMonths = 0): string {
    const date = new Date(this.#now);
    if (offsetMonths !== 0) date.setUTCMonth(date.getUTCMonth() + offsetMonths);
    return date.toISOString().slice(0, 10);
  }

  reset(): void {
    this.#now = this.#start;
  }
}
