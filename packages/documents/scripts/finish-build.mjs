// After tsc: mark dist/cjs as CommonJS and copy the plain-ESM helper both builds load.
import { copyFileSync, writeFileSync } from "node:fs";

writeFileSync("dist/cjs/package.json", JSON.stringify({ type: "commonjs" }));
for (const out of ["dist/internal", "dist/cjs/internal"]) {
  copyFileSync("src/internal/module-require.mjs", `${out}/module-require.mjs`);
  copyFileSync("src/internal/module-require.d.mts", `${out}/module-require.d.mts`);
}
