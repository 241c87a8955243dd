/** jscodeshift transform `hardcoded-token-to-env`: see core's CODEMODS. Run: npx jscodeshift -t codemods/dist/transforms/hardcoded-token-to-env.js --parser=ts --no-babel FILES */
import { createTransform } from "../create-transform.js";

const transform = createTransform("hardcoded-token-to-env");
export default transform;
export const parser = transform.parser;
