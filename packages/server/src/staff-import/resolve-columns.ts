import {
  type ImportField,
  type ImportRowError,
  importFields,
  type StaffImportRequest,
} from "@tobira/protocol";
import {
  fieldHeaders,
  fullKanaHeaders,
  fullNameHeaders,
  normalizeHeader,
  requiredFields,
} from "./import-headers";

/** Where a field's value comes from: its own column, or one half of a combined name column. */
export type ColumnSource = { index: number; part: "whole" | "first" | "rest" };

export type ColumnMap = Partial<Record<ImportField, ColumnSource>>;

export type ColumnResolution = { ok: true; columns: ColumnMap } | { ok: false; errors: ImportRowError[] };

type Mapping = StaffImportRequest["mapping"];

const nameParts: readonly [ImportField, ImportField, readonly string[]][] = [
  ["familyName", "givenName", fullNameHeaders],
  ["familyNameKana", "givenNameKana", fullKanaHeaders],
];

/** Finds each field's column from the header row; the request's mapping wins over the built-in names. */
export function resolveColumns(header: readonly string[], mapping: Mapping): ColumnResolution {
  const positions = indexHeader(header);
  const columns: ColumnMap = {};
  const errors: ImportRowError[] = [];
  for (const field of importFields) {
    const mapped = mapping[field];
    if (mapped !== undefined && mapped.trim() !== "") {
      const index = positions.get(normalizeHeader(mapped));
      if (index === undefined) {
        errors.push({ line: 1, field, message: `mapped column "${mapped}" is not in the header` });
      } else {
        columns[field] = { index, part: "whole" };
      }
      continue;
    }
    const index = findFirst(positions, fieldHeaders[field]);
    if (index !== undefined) columns[field] = { index, part: "whole" };
  }
  for (const [first, rest, names] of nameParts) {
    const mappedFirst = columns[first];
    // Both halves mapped to one column (氏名 → familyName and givenName) means split it.
    if (mappedFirst !== undefined && mappedFirst.index === columns[rest]?.index) {
      columns[first] = { index: mappedFirst.index, part: "first" };
      columns[rest] = { index: mappedFirst.index, part: "rest" };
      continue;
    }
    if (mappedFirst !== undefined || columns[rest] !== undefined) continue;
    const index = findFirst(positions, names);
    if (index === undefined) continue;
    columns[first] = { index, part: "first" };
    columns[rest] = { index, part: "rest" };
  }
  const missing = requiredFields.filter(
    (field) => columns[field] === undefined && mapping[field] === undefined,
  );
  if (missing.length > 0) {
    const list = missing.map((field) => `${field} (${fieldHeaders[field][0]})`).join(", ");
    errors.push({ line: 1, field: null, message: `missing required columns: ${list}` });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, columns };
}

function indexHeader(header: readonly string[]): Map<string, number> {
  const positions = new Map<string, number>();
  header.forEach((text, index) => {
    const key = normalizeHeader(text);
    if (key !== "" && !positions.has(key)) positions.set(key, index);
  });
  return positions;
}

function findFirst(positions: ReadonlyMap<string, number>, names: readonly string[]): number | undefined {
  for (const name of names) {
    const index = positions.get(normalizeHeader(name));
    if (index !== undefined) return index;
  }
  return undefined;
}
