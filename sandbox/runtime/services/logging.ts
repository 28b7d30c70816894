import type { Execution, LogEntry } from "../execution";
import { isDate, isError } from "../realm";

export type SandboxLogger = Pick<GoogleAppsScript.Base.Logger, "getLog" | "clear"> & {
  log(dataOrFormat: unknown, ...values: unknown[]): SandboxLogger;
};

export type SandboxConsole = Pick<Console, "log" | "info" | "warn" | "error">;

const LOGGER_PLACEHOLDER = /%s/g;
const CONSOLE_SPECIFIER = /%[sdifoO%]/g;

/**
 * Logger for one execution. Every line also goes to the execution's log, where tests check
 * that no personal data is written.
 */
export function createLogger(execution: Execution): SandboxLogger {
  const lines: string[] = [];
  const logger: SandboxLogger = {
    log(dataOrFormat, ...values) {
      execution.call("Logger", "log", "other");
      const message =
        values.length > 0 && typeof dataOrFormat === "string"
          ? loggerFormat(dataOrFormat, values)
          : formatValue(dataOrFormat);
      lines.push(message);
      execution.log({ source: "Logger", level: "log", message });
      return logger;
    },
    getLog() {
      execution.call("Logger", "getLog", "read");
      return lines.join("\n");
    },
    clear() {
      execution.call("Logger", "clear", "write");
      lines.length = 0;
    },
  };
  return logger;
}

/** console for one execution: format specifiers as in V8 (%s %d %i %f %o %O), objects as JSON. */
export function createConsole(execution: Execution): SandboxConsole {
  const writer =
    (level: LogEntry["level"]) =>
    (first?: unknown, ...rest: unknown[]) => {
      execution.call("console", level, "other");
      execution.log({ source: "console", level, message: consoleFormat(first, rest) });
    };
  return { log: writer("log"), info: writer("info"), warn: writer("warn"), error: writer("error") };
}

/** Logger's `%s` placeholders take the values in order; a placeholder with no value stays. */
function loggerFormat(format: string, values: readonly unknown[]): string {
  let next = 0;
  return format.replace(LOGGER_PLACEHOLDER, (placeholder) =>
    next < values.length ? formatValue(values[next++]) : placeholder,
  );
}

function consoleFormat(first: unknown, rest: readonly unknown[]): string {
  if (typeof first !== "string") return [first, ...rest].map(formatValue).join(" ");
  let next = 0;
  const message = first.replace(CONSOLE_SPECIFIER, (specifier) => {
    if (specifier === "%%") return "%";
    if (next >= rest.length) return specifier;
    const value = rest[next++];
    switch (specifier) {
      case "%d":
        return String(Number(value));
      case "%i":
        return String(parseInt(String(value), 10));
      case "%f":
        return String(parseFloat(String(value)));
      default:
        return formatValue(value);
    }
  });
  return [message, ...rest.slice(next).map(formatValue)].join(" ");
}

function formatValue(value: unknown): string {
  if (typeof value === "string") return value;
  if (isError(value)) return `${value.name}: ${value.message}`;
  if (isDate(value)) return Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString();
  if (typeof value !== "object" || value === null) return String(value);
  try {
    return JSON.stringify(value);
  } catch {
    // Circular structures cannot be JSON.
    return Object.prototype.toString.call(value);
  }
}
