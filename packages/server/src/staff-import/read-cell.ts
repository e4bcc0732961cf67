import { unescapeFormula } from "./escape-formula";
import type { CsvRow } from "./parse-csv";
import type { ColumnSource } from "./resolve-columns";

const nameSeparator = /[ \u3000]+/;

/**
 * A cell's text, trimmed (trim() also drops full-width spaces) and with our export's formula escape
 * removed; a combined name column gives the part before or after its first space.
 */
export function readCell(row: CsvRow, source: ColumnSource): string {
  const text = unescapeFormula((row.cells[source.index] ?? "").trim());
  if (source.part === "whole") return text;
  const separator = nameSeparator.exec(text);
  if (separator === null) return source.part === "first" ? text : "";
  return source.part === "first"
    ? text.slice(0, separator.index)
    : text.slice(separator.index + separator[0].length);
}
