/** jscodeshift transform `legacy-token-variable`: see core's CODEMODS. Run: npx jscodeshift -t codemods/dist/transforms/legacy-token-variable.js --parser=ts --no-babel FILES */
import { createTransform } from "../create-transform.js";

const transform = createTransform("legacy-token-variable");
export default transform;
export const parser = transform.parser;
