/** jscodeshift transform `placeholder-to-env`: see core's CODEMODS. Run: npx jscodeshift -t codemods/dist/transforms/placeholder-to-env.js --parser=ts --no-babel FILES */
import { createTransform } from "../create-transform.js";

const transform = createTransform("placeholder-to-env");
export default transform;
export const parser = transform.parser;
