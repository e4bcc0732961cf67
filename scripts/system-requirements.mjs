// System packages the test suites need, and how to get them on Debian.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

/** Each requirement: a check, and the Debian packages that satisfy it. */
export const requirements = [
  {
    what: "Chromium for the browser tests",
    debianPackages: ["chromium"],
    present: () => existsSync(process.env.TOBIRA_CHROMIUM ?? "/usr/bin/chromium"),
  },
];

function isDebianRoot() {
  return process.getuid?.() === 0 && existsSync("/usr/bin/apt-get") && existsSync("/etc/debian_version");
}

/** Installs what is missing on Debian as root; elsewhere stops with the exact command to run. */
export function ensureSystemRequirements() {
  const missing = requirements.filter((r) => !r.present());
  if (missing.length === 0) return;
  const packages = [...new Set(missing.flatMap((r) => r.debianPackages))];
  const command = `apt-get update && apt-get install -y --no-install-recommends ${packages.join(" ")}`;
  if (!isDebianRoot()) {
    console.error(
      `Missing: ${missing.map((r) => r.what).join("; ")}.\nInstall with:\n  sudo sh -c '${command}'`,
    );
    process.exit(1);
  }
  console.log(`Installing ${packages.join(", ")} (${missing.map((r) => r.what).join("; ")})…`);
  execFileSync("apt-get", ["update"], { stdio: "inherit" });
  execFileSync("apt-get", ["install", "-y", "--no-install-recommends", ...packages], {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  const still = missing.filter((r) => !r.present());
  if (still.length > 0) {
    console.error(`Still missing after install: ${still.map((r) => r.what).join("; ")}`);
    process.exit(1);
  }
}
