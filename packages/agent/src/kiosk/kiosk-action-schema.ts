import { punchSchema } from "@tobira/protocol";
import { z } from "zod";
import { pinLength } from "../pin/pin-typing";
import type { KioskAction } from "./kiosk-screen";

/** What the kiosk page may post to /actions; the PIN is exactly the card's four digits, or null to cancel. */
export const kioskActionSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("changePunch"), punch: punchSchema }).strict(),
  z
    .object({
      kind: z.literal("pin"),
      pin: z
        .string()
        .regex(new RegExp(`^[0-9]{${pinLength}}$`))
        .nullable(),
    })
    .strict(),
]);

/** Fails to compile when the schema and the KioskAction contract drift apart. */
export function parseKioskAction(value: unknown): KioskAction | null {
  const parsed = kioskActionSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
