// System packages the test suites need, and how to get them on Debian.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";

const hasFileStartingWith = (dir, prefix) =>
  existsSync(dir) && readdirSync(dir).some((f) => f.startsWith(prefix));

/** Each requirement: a check, and the Debian packages that satisfy it. */
export const requirements = [
  {
    what: "Chromium for the browser tests",
    debianPackages: ["chromium"],
    present: () => existsSync(process.env.TOBIRA_CHROMIUM ?? "/usr/bin/chromium"),
  },
  {
    what: "pcscd, the PC/SC daemon the card tests talk through",
    debianPackages: ["pcscd"],
    present: () => existsSync("/usr/sbin/pcscd"),
  },
  {
    what: "vsmartcard's vpcd virtual reader driver",
    debianPackages: ["vsmartcard-vpcd"],
    present: () => hasFileStartingWith("/usr/lib/pcsc/drivers/serial", "libifdvpcd"),
  },
  {
    what: "PC/SC headers to build the pcsclite binding",
    debianPackages: ["libpcsclite-dev"],
    present: () => existsSync("/usr/include/PCSC/winscard.h"),
  },
  {
    what: "OpenSC, the independent implementation the card interop test runs",
    debianPackages: ["opensc", "opensc-pkcs11"],
    present: () =>
      existsSync("/usr/bin/pkcs11-tool") && existsSync("/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so"),
  },
  {
    what: "pdftotext, which the tests use to read back the printed books",
    debianPackages: ["poppler-utils"],
    present: () => existsSync("/usr/bin/pdftotext"),
  },
];

function isDebianRoot() {
  return process.getuid?.() === 0 && existsSync("/usr/bin/apt-get") && existsSync("/etc/debian_version");
}

/** Installs what is missing on Debian as root; elsewhere stops with the exact command to run. */
export function ensureSystemRequirements() {
  const missing = requirements.filter((r) => !r.present());
  if (missing.length > 0) {
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
  ensurePcscBinding();
}

/**
 * The pcsclite binding is an optional dependency: `npm ci` skips it when the PC/SC headers are not
 * there yet. Once they are, it is built here.
 */
function ensurePcscBinding() {
  const loads = () =>
    spawnSync(process.execPath, ["-e", "require('pcsclite')"], { stdio: "ignore", cwd: "packages/card" })
      .status === 0;
  if (loads()) return;
  const version = JSON.parse(
    execFileSync("npm", ["pkg", "get", "optionalDependencies.pcsclite", "-w", "@tobira/card"], {
      encoding: "utf8",
    }),
  )["@tobira/card"];
  console.log(`Building the pcsclite binding (${version})…`);
  const rebuilt = existsSync("node_modules/pcsclite")
    ? spawnSync("npm", ["rebuild", "pcsclite"], { stdio: "inherit" })
    : spawnSync("npm", ["install", "--no-save", "-w", "@tobira/card", `pcsclite@${version}`], {
        stdio: "inherit",
      });
  if (rebuilt.status !== 0 || !loads()) {
    console.error("The pcsclite binding does not build; see the output above.");
    process.exit(1);
  }
}
