import { readFileSync } from "node:fs";
import { signedSnapshotDeltaSchema, signedSnapshotSchema } from "@tobira/protocol";
import { z } from "zod";
import { writeFileAtomically } from "./write-file-atomically";

export const snapshotFileName = "snapshot.json";

/**
 * What the agent keeps on disk to decide offline after a restart: the pinned server key, the last
 * signed snapshot and the signed deltas applied on top of it. Everything is verified again on load.
 */
const snapshotFileSchema = z.object({
  format: z.literal(1),
  serverKeyPem: z.string().nullable(),
  snapshot: signedSnapshotSchema.nullable(),
  deltas: z.array(signedSnapshotDeltaSchema),
});
export type SnapshotFile = z.infer<typeof snapshotFileSchema>;

export type SnapshotFileRead = { ok: true; file: SnapshotFile | null } | { ok: false; message: string };

/** The file's contents; `file: null` when there is none yet. */
export function readSnapshotFile(path: string): SnapshotFileRead {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === "ENOENT") return { ok: true, file: null };
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  const parsed = snapshotFileSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, message: z.prettifyError(parsed.error) };
  return { ok: true, file: parsed.data };
}

export function writeSnapshotFile(path: string, file: SnapshotFile): void {
  writeFileAtomically(path, JSON.stringify(file));
}
