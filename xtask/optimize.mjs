// wasm-opt -Oz over many modules in one Node process: npm's binaryen loads
// once (seconds) instead of once per module. Called by the site tool with the
// project's node_modules on NODE_PATH; rewrites each file in place.
//   node xtask/optimize.mjs <file.wasm>...
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const require = createRequire(join(process.cwd(), "package.json"));
const binaryen = (await import(require.resolve("binaryen"))).default;
const F = binaryen.Features;
// What rustc targets on wasm32-unknown-unknown (its default features).
const features =
  F.MutableGlobals | F.SignExt | F.BulkMemory | F.BulkMemoryOpt | F.NontrappingFPToInt |
  F.ReferenceTypes | F.Multivalue | F.CallIndirectOverlong;
binaryen.setOptimizeLevel(2);
binaryen.setShrinkLevel(2);
for (const file of process.argv.slice(2)) {
  const module = binaryen.readBinary(readFileSync(file));
  module.setFeatures(features);
  module.optimize();
  writeFileSync(file, module.emitBinary());
  module.dispose();
}
