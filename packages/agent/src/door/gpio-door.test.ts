import {
  appendFileSync,
  chmodSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { DoorHardware } from "./door-hardware";
import { createGpioDoor, type GpioDoorConfig } from "./gpio-door";
import { GpioToolMissingError } from "./gpio-tools";
import { createRecordingLog, type RecordingLog } from "./recording-log";

// Real GPIO is not available on the test machine: these stand-ins for libgpiod's tools record their
// command lines and let the test play the wiring (levels for gpioget, edge lines for gpiomon).
function writeStandIns(dir: string): void {
  const write = (name: string, body: string) => {
    writeFileSync(join(dir, name), `#!/bin/sh\n${body}\n`);
    chmodSync(join(dir, name), 0o755);
  };
  write(
    "gpioget",
    `echo "$*" >> "${dir}/gpioget.log"
cat "${dir}/level-$2" 2>/dev/null || echo 0`,
  );
  write(
    "gpioset",
    `trap 'echo "stop $*" >> "${dir}/gpioset.log"; exit 0' TERM INT
if [ -e "${dir}/gpioset-fails" ]; then echo "gpioset: error setting the GPIO line values: Device or resource busy" >&2; exit 1; fi
echo "start $*" >> "${dir}/gpioset.log"
while :; do sleep 0.05; done`,
  );
  write(
    "gpiomon",
    `echo "$*" >> "${dir}/gpiomon.log"
echo $$ > "${dir}/gpiomon.pid"
exec tail -n +1 -f "${dir}/edges"`,
  );
}

const config: GpioDoorConfig = {
  driver: "gpio",
  chip: "gpiochip0",
  lock: { line: 17, activeLow: true },
  contact: { line: 27, activeLow: true },
  exitButton: { line: 22, activeLow: true },
  indicator: { line: 5, activeLow: false },
};

const waitUntil = (check: () => void) => vi.waitFor(check, { timeout: 5000, interval: 10 });

let dir: string;
let log: RecordingLog;
let door: DoorHardware | null = null;

function readLines(name: string): string[] {
  const file = join(dir, name);
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line !== "");
}

function emitEdge(rising: boolean, line: number): void {
  appendFileSync(join(dir, "edges"), `${rising ? 1 : 0} ${line} 1764230400 123456789\n`);
}

async function openDoor(options: { debounceMs?: number } = {}): Promise<DoorHardware> {
  const opened = createGpioDoor(config, log, {
    tools: dir,
    debounceMs: options.debounceMs ?? 0,
    restartMs: 50,
  });
  door = opened;
  await waitUntil(() => expect(readLines("gpiomon.log")).toHaveLength(1));
  return opened;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "tobira-gpio-"));
  writeStandIns(dir);
  // The stand-in gpiomon prints this file from its start, so edges appended at any time arrive.
  writeFileSync(join(dir, "edges"), "");
  log = createRecordingLog();
});

afterEach(async () => {
  await door?.close();
  door = null;
  rmSync(dir, { recursive: true, force: true });
});

describe("createGpioDoor", () => {
  it("reads the contact with gpioget, locks the door and watches contact and exit button with gpiomon", async () => {
    writeFileSync(join(dir, "level-27"), "0\n");
    const opened = await openDoor();
    expect(readLines("gpioget.log")).toEqual(["gpiochip0 27"]);
    // The contact is active-low, so 0 V means the door is open.
    expect(opened.readContact()).toBe("open");
    expect(readLines("gpiomon.log")).toEqual([
      "--num-events=0 --line-buffered --format=%e %o %s %n gpiochip0 27 22",
    ]);
    await waitUntil(() =>
      expect(readLines("gpioset.log")).toEqual(
        expect.arrayContaining(["start --mode=signal gpiochip0 17=1", "start --mode=signal gpiochip0 5=0"]),
      ),
    );
  });

  it("releases an active-low lock by holding its line at 0 and locks again by restarting gpioset at 1", async () => {
    const opened = await openDoor();
    await waitUntil(() => expect(readLines("gpioset.log")).toContain("start --mode=signal gpiochip0 17=1"));
    await opened.setLockReleased(true);
    await opened.setLockReleased(true);
    await opened.setLockReleased(false);
    const lockLines = readLines("gpioset.log").filter((line) => line.includes(" 17="));
    expect(lockLines).toEqual([
      "start --mode=signal gpiochip0 17=1",
      "stop --mode=signal gpiochip0 17=1",
      "start --mode=signal gpiochip0 17=0",
      "stop --mode=signal gpiochip0 17=0",
      "start --mode=signal gpiochip0 17=1",
    ]);
  });

  it("turns the indicator on for a grant and off for anything else", async () => {
    const opened = await openDoor();
    opened.signal("granted", "ok");
    await waitUntil(() => expect(readLines("gpioset.log")).toContain("start --mode=signal gpiochip0 5=1"));
    opened.signal("denied", "no");
    await waitUntil(() => expect(readLines("gpioset.log")).toContain("stop --mode=signal gpiochip0 5=1"));
    await waitUntil(() =>
      expect(
        readLines("gpioset.log").filter((line) => line.startsWith("start") && line.includes(" 5=")),
      ).toEqual([
        "start --mode=signal gpiochip0 5=0",
        "start --mode=signal gpiochip0 5=1",
        "start --mode=signal gpiochip0 5=0",
      ]),
    );
  });

  it("reports contact edges through the configured polarity", async () => {
    writeFileSync(join(dir, "level-27"), "1\n");
    const opened = await openDoor();
    expect(opened.readContact()).toBe("closed");
    const seen: string[] = [];
    opened.onContactChange((state) => seen.push(state));
    emitEdge(false, 27);
    await waitUntil(() => expect(seen).toEqual(["open"]));
    expect(opened.readContact()).toBe("open");
    emitEdge(true, 27);
    await waitUntil(() => expect(seen).toEqual(["open", "closed"]));
  });

  it("counts an active-low exit button press once, on the falling edge", async () => {
    const opened = await openDoor();
    let presses = 0;
    opened.onExitButton(() => {
      presses += 1;
    });
    emitEdge(false, 22);
    await waitUntil(() => expect(presses).toBe(1));
    emitEdge(true, 22);
    emitEdge(false, 22);
    await waitUntil(() => expect(presses).toBe(2));
  });

  it("ignores contact bounce shorter than the debounce time", async () => {
    writeFileSync(join(dir, "level-27"), "1\n");
    const opened = await openDoor({ debounceMs: 100 });
    const seen: string[] = [];
    opened.onContactChange((state) => seen.push(state));
    appendFileSync(join(dir, "edges"), "0 27 1 0\n1 27 1 1000\n0 27 1 2000\n");
    await waitUntil(() => expect(seen).toEqual(["open"]));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(seen).toEqual(["open"]);
  });

  it("rejects a lock change when gpioset fails and logs the command with its error", async () => {
    const opened = await openDoor();
    await waitUntil(() => expect(readLines("gpioset.log")).toContain("start --mode=signal gpiochip0 17=1"));
    writeFileSync(join(dir, "gpioset-fails"), "");
    await expect(opened.setLockReleased(true)).rejects.toThrow(/gpioset --mode=signal gpiochip0 17=0.*busy/);
    expect(log.entries.some((entry) => entry.level === "error" && entry.message.includes("17=0"))).toBe(true);
  });

  it("restarts gpiomon after it dies and reads the contact again", async () => {
    writeFileSync(join(dir, "level-27"), "1\n");
    const opened = await openDoor();
    const seen: string[] = [];
    opened.onContactChange((state) => seen.push(state));
    writeFileSync(join(dir, "level-27"), "0\n");
    process.kill(Number(readFileSync(join(dir, "gpiomon.pid"), "utf8")), "SIGKILL");
    await waitUntil(() => expect(readLines("gpiomon.log")).toHaveLength(2));
    expect(seen).toEqual(["open"]);
    expect(
      log.entries.some((entry) => entry.level === "error" && entry.message.includes("gpiomon stopped")),
    ).toBe(true);
  });

  it("locks the door and stops every tool when closed", async () => {
    const opened = await openDoor();
    await opened.setLockReleased(true);
    await opened.close();
    door = null;
    const lockLines = readLines("gpioset.log").filter((line) => line.includes(" 17="));
    expect(lockLines.slice(-2)).toEqual([
      "start --mode=signal gpiochip0 17=1",
      "stop --mode=signal gpiochip0 17=1",
    ]);
    const starts = readLines("gpioset.log").filter((line) => line.startsWith("start")).length;
    const stops = readLines("gpioset.log").filter((line) => line.startsWith("stop")).length;
    expect(stops).toBe(starts);
  });

  it("names the gpiod package when a tool is missing", () => {
    rmSync(join(dir, "gpiomon"));
    expect(() => createGpioDoor(config, log, { tools: dir })).toThrow(GpioToolMissingError);
    expect(() => createGpioDoor(config, log, { tools: dir })).toThrow(/gpiomon.*"gpiod"/);
  });

  it("fails at start naming the command when gpioget cannot read the contact", () => {
    writeFileSync(
      join(dir, "gpioget"),
      `#!/bin/sh\necho "gpioget: error reading GPIO values: Invalid argument" >&2\nexit 1\n`,
    );
    expect(() => createGpioDoor(config, log, { tools: dir })).toThrow(
      /gpioget gpiochip0 27 failed: .*Invalid argument/,
    );
  });
});
