/** jscodeshift transform `env-to-secrets`: see core's CODEMODS. Run: npx jscodeshift -t codemods/dist/transforms/env-to-secrets.js --parser=ts --no-babel FILES */
import { createTransform } from "../create-transform.js";

const transform = createTransform("env-to-secrets");
export default transform;
export const parser = transform.parser;
