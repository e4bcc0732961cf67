import { z } from "zod";

export const loadServerStopMessage = "stop";

const loadAgentSchema = z.object({ publicKey: z.string(), privateKeyPem: z.string() });
export type LoadAgent = z.infer<typeof loadAgentSchema>;

/** What the server process sends once it listens with every agent approved. */
export const loadServerReadySchema = z.object({ baseUrl: z.string(), agents: z.array(loadAgentSchema) });
export type LoadServerReady = z.infer<typeof loadServerReadySchema>;
