import { z } from "zod";

export const loadServerStopMessage = "stop";

/** The database the server process runs on (TOBIRA_LOAD_DATABASE, set per run by the benchmark). */
export const loadDialectSchema = z.enum(["sqlite", "postgres"]);

const loadAgentSchema = z.object({ publicKey: z.string(), privateKeyPem: z.string() });
export type LoadAgent = z.infer<typeof loadAgentSchema>;

/** What the server process sends once it listens with every agent approved and the town seeded. */
export const loadServerReadySchema = z.object({
  baseUrl: z.string(),
  agents: z.array(loadAgentSchema),
  seedSeconds: z.number(),
});
export type LoadServerReady = z.infer<typeof loadServerReadySchema>;
