import { CsvError, parse } from "csv-parse/sync";
import { AppError } from "../errors";

/** One record of the file and the physical line it starts on (the header is line 1). */
export interface CsvRow {
  line: number;
  cells: string[];
}

export interface CsvTable {
  header: string[];
  rows: CsvRow[];
}

/**
 * Parses CSV text with quoted fields, embedded newlines and CRLF. Blank lines and rows whose cells are
 * all empty (Excel leaves ",,,," behind) are skipped, but line numbers still count them so a reported
 * line is the one a text editor or Excel shows.
 */
export function parseCsv(text: string): CsvTable {
  // csv-parse counts a CRLF inside a quoted field as two lines; with LF only its count is exact.
  const normalized = text.replace(/\r\n?/g, "\n");
  const endLines: number[] = [];
  let records: string[][];
  try {
    records = parse(normalized, {
      relax_column_count: true,
      skip_empty_lines: true,
      bom: true,
      on_record: (record, context) => {
        endLines.push(context.lines);
        return record;
      },
    });
  } catch (error) {
    if (error instanceof CsvError) {
      const line = typeof error.lines === "number" ? error.lines : 1;
      throw new AppError("import_invalid", "The file is not readable CSV; nothing was imported.", [
        { path: `line ${line}`, message: describeCsvError(error) },
      ]);
    }
    throw error;
  }
  const [header, ...data] = records;
  if (header === undefined) {
    throw new AppError("import_invalid", "The file is empty.", [
      { path: "line 1", message: "has no header row" },
    ]);
  }
  const rows: CsvRow[] = [];
  data.forEach((cells, index) => {
    if (cells.every((cell) => cell.trim() === "")) return;
    rows.push({ line: (endLines[index + 1] ?? 0) - countNewlines(cells), cells });
  });
  return { header, rows };
}

// `lines` is where the record ends; newlines inside its quoted fields tell how many lines it spans.
function countNewlines(cells: readonly string[]): number {
  let count = 0;
  for (const cell of cells) {
    for (let index = cell.indexOf("\n"); index !== -1; index = cell.indexOf("\n", index + 1)) count += 1;
  }
  return count;
}

function describeCsvError(error: CsvError): string {
  if (error.code === "CSV_QUOTE_NOT_CLOSED") return 'has a quote (") that is never closed';
  if (error.code === "CSV_INVALID_CLOSING_QUOTE") return 'has a quote (") in the middle of a field';
  return error.message;
}
