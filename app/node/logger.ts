/** Node-level logging (not a consensus path): one line per message, ISO time, level, text. */
export type LogLevel = "debug" | "info" | "error";

export interface Logger {
  debug(msg: string): void;
  info(msg: string): void;
  error(msg: string): void;
}

const ORDER: Record<LogLevel, number> = { debug: 0, info: 1, error: 2 };

export function createLogger(level: LogLevel = "info", out: (line: string) => void = (l) => process.stdout.write(l + "\n")): Logger {
  const line = (lvl: LogLevel, msg: string): void => {
    if (ORDER[lvl] < ORDER[level]) return;
    out(`${new Date().toISOString()} ${lvl.toUpperCase().padEnd(5)} ${msg}`); // det-ok: log timestamps only
  };
  return { debug: (m) => line("debug", m), info: (m) => line("info", m), error: (m) => line("error", m) };
}
