import { closeSync, fsyncSync, openSync, renameSync, writeSync } from "node:fs";
import { dirname } from "node:path";

/** Writes a temp file, fsyncs it, renames it over `file`: a crash leaves the old or the new, never half. */
export function writeFileAtomically(file: string, contents: string): void {
  const temp = `${file}.tmp`;
  const fd = openSync(temp, "w", 0o600);
  try {
    writeSync(fd, contents);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, file);
  // The rename itself is durable only once the directory is synced.
  const directory = openSync(dirname(file), "r");
  try {
    fsyncSync(directory);
  } finally {
    closeSync(directory);
  }
}
