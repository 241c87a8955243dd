/** jscodeshift transform `flags-before-script`: see core's CODEMODS. Run: npx jscodeshift -t codemods/dist/transforms/flags-before-script.js --parser=ts --no-babel FILES */
import { createTransform } from "../create-transform.js";

const transform = createTransform("flags-before-script");
export default transform;
export const parser = transform.parser;
