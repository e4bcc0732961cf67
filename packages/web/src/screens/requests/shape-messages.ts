import type { Translate } from "../../i18n/i18n";
import type { MessageKey } from "../../i18n/ja";
import { entryMessageKey } from "../attendance/entry-draft";

/** The request schema's English messages the attendance table does not already know. */
const messageKeys: Record<string, MessageKey> = {
  "must be a month written YYYY-MM": "request.invalid.month",
  "Invalid input: expected number, received NaN": "request.invalid.number",
  "Invalid input: expected number, received string": "request.invalid.number",
  "Too small: expected number to be >0": "request.invalid.choose",
  "Too small: expected string to have >=1 characters": "request.invalid.choose",
};

/** A schema message in the reader's language; one no table knows is shown as the schema wrote it. */
export function shapeMessage(message: string, t: Translate): string {
  const key = messageKeys[message] ?? entryMessageKey(message);
  return key === null ? message : t(key);
}
