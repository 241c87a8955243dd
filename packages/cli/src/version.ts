/** The one version source: this package's package.json (src/ and dist/ are both one folder below it). */
import { createRequire } from "node:module";

export const VERSION: string = (createRequire(import.meta.url)("../package.json") as { version: string }).version;
