import { readFileSync } from "node:fs";
import { join } from "node:path";
import { agentRoleSchema } from "@tobira/protocol";
import { z } from "zod";
import { writeFileAtomically } from "../snapshot/write-file-atomically";
import type { AgentAssignment } from "./server-link";

export const assignmentFileName = "assignment.json";

const assignmentSchema = z.object({
  agentId: z.number().int(),
  readerId: z.number().int(),
  doorId: z.number().int().nullable(),
  role: agentRoleSchema,
});

/** The assignment from the last welcome; null when there is none or it cannot be read. */
export function readAssignment(dataDir: string): AgentAssignment | null {
  try {
    const parsed = assignmentSchema.safeParse(
      JSON.parse(readFileSync(join(dataDir, assignmentFileName), "utf8")),
    );
    return parsed.success ? parsed.data : null;
  } catch {
    // No file yet (first start) or a damaged one: the next welcome writes it again.
    return null;
  }
}

export function writeAssignment(dataDir: string, assignment: AgentAssignment): void {
  writeFileAtomically(join(dataDir, assignmentFileName), JSON.stringify(assignment));
}
