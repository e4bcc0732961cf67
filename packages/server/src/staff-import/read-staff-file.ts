import type { ImportRowError, StaffImportRequest } from "@tobira/protocol";
import { type DetectedEncoding, decodeUpload } from "./decode-upload";
import { type CsvRow, parseCsv } from "./parse-csv";
import { type ColumnMap, resolveColumns } from "./resolve-columns";

export type StaffFile = {
  encoding: DetectedEncoding;
  rows: CsvRow[];
} & ({ ok: true; columns: ColumnMap } | { ok: false; errors: ImportRowError[] });

/** Decodes and parses the upload and finds its columns; nothing here needs the database. */
export function readStaffFile(
  request: Pick<StaffImportRequest, "contentBase64" | "encoding" | "mapping">,
): StaffFile {
  const { text, encoding } = decodeUpload(request.contentBase64, request.encoding);
  const table = parseCsv(text);
  const resolution = resolveColumns(table.header, request.mapping);
  return { encoding, rows: table.rows, ...resolution };
}
