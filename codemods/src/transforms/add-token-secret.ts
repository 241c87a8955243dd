/** jscodeshift transform `add-token-secret`: see core's CODEMODS. Run: npx jscodeshift -t codemods/dist/transforms/add-token-secret.js --parser=ts --no-babel FILES */
import { createTransform } from "../create-transform.js";

const transform = createTransform("add-token-secret");
export default transform;
export const parser = transform.parser;
