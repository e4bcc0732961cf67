import type { CardReaders } from "@tobira/card";
import { vi } from "vitest";
import { openVpcdReaders } from "../../../card/test/pcsc-harness";

/**
 * Waits until pcscd answers and lists the vpcd readers: the test run's pcscd may still be starting
 * when the first file gets here.
 */
export async function waitForVpcdReaders(): Promise<void> {
  const readers: CardReaders = await vi.waitFor(() => openVpcdReaders(), { timeout: 15_000, interval: 200 });
  await readers.close();
}
