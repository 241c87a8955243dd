/** jscodeshift transform `with-deps`: see core's CODEMODS. Run: npx jscodeshift -t codemods/dist/transforms/with-deps.js --parser=ts --no-babel FILES */
import { createTransform } from "../create-transform.js";

const transform = createTransform("with-deps");
export default transform;
export const parser = transform.parser;
