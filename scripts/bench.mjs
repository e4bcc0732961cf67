// `npm run bench [-- area…]`: runs every benchmark file `packages/*/bench/<area>.bench.ts`, or the named areas'.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";

const packagesDir = "packages";
const benches = readdirSync(packagesDir).flatMap((pkg) => {
  try {
    return readdirSync(join(packagesDir, pkg, "bench"))
      .filter((file) => file.endsWith(".bench.ts"))
      .map((file) => ({
        area: file.replace(/\.bench\.ts$/, ""),
        path: join(packagesDir, pkg, "bench", file),
      }));
  } catch {
    return [];
  }
});

const wanted = process.argv.slice(2);
const unknown = wanted.filter((area) => !benches.some((b) => b.area === area));
if (unknown.length > 0) {
  console.error(
    `No benchmark for: ${unknown.join(", ")}. Areas: ${[...new Set(benches.map((b) => b.area))].join(", ")}`,
  );
  process.exit(2);
}

let failed = false;
for (const bench of benches.filter((b) => wanted.length === 0 || wanted.includes(b.area))) {
  console.log(`\n## ${bench.area} (${bench.path})`);
  const result = spawnSync(process.execPath, ["--expose-gc", "--import", "tsx", bench.path], {
    stdio: "inherit",
    env: { ...process.env, TZ: "UTC" },
  });
  if (result.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
