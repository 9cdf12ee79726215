import { defineConfig } from "tsup";
import base from "../../tsup.base";

// Like every package, plus one constant: which build this is, so that the lazily loaded transport
// is `require`d in the CJS build (a dynamic import() inside CommonJS breaks under Jest's module
// sandbox) and `import()`ed in the ESM build.
export default defineConfig({
  ...base,
  esbuildOptions(options, { format }) {
    options.define = { ...options.define, "process.env.ENFUCE_SDK_BUILD": JSON.stringify(format) };
  },
});
