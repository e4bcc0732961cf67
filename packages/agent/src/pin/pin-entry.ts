/** Where a person types the card's PIN: a keypad beside the reader, or the terminal's screen. */
export interface PinEntry {
  /**
   * Asks for a PIN with a prompt (Japanese first). Resolves with the digits, or null when the person
   * cancels or does not answer within `timeoutMs`. A PIN is never logged or stored.
   */
  requestPin(prompt: string, timeoutMs: number): Promise<string | null>;
  close(): Promise<void>;
}
