// An optional logger that sees each attempt: method, path template, status, attempt, duration.
// It never receives headers, bodies or URLs with values, and every message passes the redactor.

export type LogLevel = "off" | "error" | "warn" | "info" | "debug";
export interface Logger {
  error(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  debug(message: string, fields?: Record<string, unknown>): void;
}

const RANK: Record<LogLevel, number> = { off: 0, error: 1, warn: 2, info: 3, debug: 4 };
const isLevel = (value: unknown): value is LogLevel => typeof value === "string" && value in RANK;

/** The level in force: the option, else `ENFUCE_LOG`, else `warn`. */
export function resolveLogLevel(option: LogLevel | undefined): LogLevel {
  if (option !== undefined) return option;
  const fromEnv = typeof process === "undefined" ? undefined : process.env.ENFUCE_LOG?.toLowerCase();
  return isLevel(fromEnv) ? fromEnv : "warn";
}

/** Replaces every occurrence of a secret with `[redacted]`. */
export function createRedactor(secrets: readonly string[]): (text: string) => string {
  const needles = secrets.filter((secret) => secret.length > 0).sort((a, b) => b.length - a.length);
  return (text) => {
    let result = text;
    for (const needle of needles) result = result.split(needle).join("[redacted]");
    return result;
  };
}

export interface LogSink {
  readonly enabled: (level: LogLevel) => boolean;
  readonly log: (level: Exclude<LogLevel, "off">, message: string, fields: Record<string, unknown>) => void;
}

/** A sink that filters by level and redacts; `console` is the logger when none is given. */
export function createLogSink(logger: Logger | undefined, level: LogLevel, redact: (text: string) => string): LogSink {
  const target: Logger = logger ?? console;
  const enabled = (wanted: LogLevel) => RANK[wanted] <= RANK[level] && wanted !== "off";
  return {
    enabled,
    log(wanted, message, fields) {
      if (!enabled(wanted)) return;
      const safeFields = JSON.parse(redact(JSON.stringify(fields)));
      target[wanted](redact(`[enfuce] ${message}`), safeFields);
    },
  };
}
