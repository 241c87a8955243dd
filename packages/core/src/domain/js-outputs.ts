/**
 * The outputs a credential must not reach in JS (HFJ103): a logger's method, a standard stream's `write`, a file
 * writer, an `…Error` message. The plugin's rule matches calls against these; the prefilter looks for their names.
 */
export const JS_LOG_METHODS: readonly string[] = ["log", "info", "warn", "warning", "error", "debug", "trace", "fatal", "verbose", "silly", "critical", "notice", "dir", "table"];
export const JS_LOGGER_NAMES: readonly string[] = ["console", "logger", "log", "logging", "winston", "pino", "bunyan", "signale", "consola", "debug"];
/** What a call is made on to be a logger's: one of the names, or a name ending in `logger` (`this.requestLogger`). */
export const JS_LOGGER_RECEIVER = new RegExp(`^(?:${JS_LOGGER_NAMES.join("|")})$|logger$`, "i");
export const JS_FILE_WRITERS: readonly string[] = ["writeFile", "writeFileSync", "appendFile", "appendFileSync"];
