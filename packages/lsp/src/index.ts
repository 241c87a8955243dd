/**
 * @hf-jobs-lint/lsp: hf-jobs-lint's language server. `startServer()` talks LSP over this process's stdin and stdout
 * (what `hf-jobs-lint server` runs); `createServer(connection)` sets it up on a connection of your own.
 */
import { format } from "node:util";
import { createConnection, ProposedFeatures, type Connection } from "vscode-languageserver/node";
import { redactText } from "@hf-jobs-lint/core";
import { createServer, type ServerOptions } from "./server.js";

export { createServer, FIX_ALL_KIND, type ServerOptions } from "./server.js";
export { DEFAULT_SETTINGS, SETTINGS_SECTION, normaliseSettings, type ServerSettings } from "./settings.js";

export interface StdioOptions extends ServerOptions {
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
}

/**
 * Serve on stdin/stdout until the client says `exit` or closes the stream. Anything a library prints with
 * `console` goes to the client's log instead of stdout, where it would break the protocol.
 */
export function startServer(options: StdioOptions = {}): Connection {
  const connection = createConnection(ProposedFeatures.all, options.input ?? process.stdin, options.output ?? process.stdout);
  const toLog =
    (write: (message: string) => void) =>
    (...args: unknown[]) =>
      write(redactText(format(...args)));
  console.log = toLog((message) => connection.console.log(message));
  console.info = toLog((message) => connection.console.info(message));
  console.debug = toLog((message) => connection.console.log(message));
  console.warn = toLog((message) => connection.console.warn(message));
  console.error = toLog((message) => connection.console.error(message));
  createServer(connection, options);
  connection.listen();
  return connection;
}
