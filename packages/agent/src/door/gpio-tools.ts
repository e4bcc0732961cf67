import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";

export type GpioToolName = "gpioset" | "gpiomon" | "gpioget";

export class GpioToolMissingError extends Error {
  override name = "GpioToolMissingError";
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The path of a libgpiod command-line tool: in `toolsDir` when given, otherwise on PATH. Throws
 * GpioToolMissingError naming the Debian package when it is not there.
 */
export function findGpioTool(name: GpioToolName, toolsDir?: string): string {
  const directories =
    toolsDir === undefined
      ? (process.env.PATH ?? "").split(delimiter).filter((dir) => dir !== "")
      : [toolsDir];
  for (const directory of directories) {
    const candidate = join(directory, name);
    if (isExecutable(candidate)) return candidate;
  }
  const where = toolsDir === undefined ? "on PATH" : `in ${toolsDir}`;
  throw new GpioToolMissingError(
    `${name} was not found ${where}: install the libgpiod tools (Debian package "gpiod", e.g. apt-get install gpiod)`,
  );
}

/** The command as a person would type it, for logs. */
export function describeCommand(tool: string, args: readonly string[]): string {
  return [tool, ...args].join(" ");
}
