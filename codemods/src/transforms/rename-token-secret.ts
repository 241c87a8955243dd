/** jscodeshift transform `rename-token-secret`: see core's CODEMODS. Run: npx jscodeshift -t codemods/dist/transforms/rename-token-secret.js --parser=ts --no-babel FILES */
import { createTransform } from "../create-transform.js";

const transform = createTransform("rename-token-secret");
export default transform;
export const parser = transform.parser;
