import { escapeFormula } from "./escape-formula";

const needsQuotes = /[",\r\n]/;

/** CSV text as Excel writes it: CRLF line ends, quotes only where needed, formula-like cells escaped. */
export function formatCsv(table: readonly (readonly string[])[]): string {
  return table
    .map((row) => row.map(formatCell).join(","))
    .join("\r\n")
    .concat("\r\n");
}

function formatCell(value: string): string {
  const text = escapeFormula(value);
  return needsQuotes.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
