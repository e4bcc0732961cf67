import { z } from "zod";

const memoryReadingSchema = z.object({
  heapUsedMiB: z.number(),
  /** Memory of C++ objects bound to JS ones (buffers, SQLite statements, keys). */
  externalMiB: z.number(),
  rssMiB: z.number(),
  /** The process's highest RSS so far (VmHWM). */
  peakRssMiB: z.number(),
});
export type MemoryReading = z.infer<typeof memoryReadingSchema>;

/** What the agent's process reports on its last stdout line. */
export const memoryReportSchema = z.object({
  taps: z.number().int(),
  beforeAgent: memoryReadingSchema,
  agentStarted: memoryReadingSchema,
  afterTaps: memoryReadingSchema,
});
export type MemoryReport = z.infer<typeof memoryReportSchema>;
