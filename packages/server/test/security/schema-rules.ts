import { isRecord, type SchemaNode } from "./openapi-operations";

/** A value that fits the schema well enough to reach past the first check (not guaranteed valid). */
export function sampleOf(schema: SchemaNode): unknown {
  const options = optionsOf(schema);
  if (options) return options[0] ? sampleOf(options[0]) : null;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  if ("default" in schema && schema.default !== undefined) return schema.default;
  switch (schema.type) {
    case "string":
      return sampleString(schema);
    case "integer":
    case "number": {
      const minimum = typeof schema.minimum === "number" ? schema.minimum : 1;
      return schema.exclusiveMinimum === true ? minimum + 1 : Math.max(minimum, 1);
    }
    case "boolean":
      return false;
    case "array": {
      const items = isRecord(schema.items) ? schema.items : {};
      const count = Math.max(1, typeof schema.minItems === "number" ? schema.minItems : 0);
      return Array.from({ length: count }, () => sampleOf(items));
    }
    case "object":
      return sampleObject(schema);
    default:
      return null;
  }
}

function sampleObject(schema: SchemaNode): Record<string, unknown> {
  const properties = isRecord(schema.properties) ? schema.properties : {};
  const sample: Record<string, unknown> = {};
  for (const [key, property] of Object.entries(properties)) {
    if (isRecord(property)) sample[key] = sampleOf(property);
  }
  return sample;
}

const stringCandidates = [
  "2026-04-01",
  "2026-04",
  "2026-04-01T00:00:00.000Z",
  "09:00",
  "100",
  "A1B2C3D4",
  "ア",
  "あ",
  "試験",
  "user@example.jp",
  "https://example.jp/hook",
];

function sampleString(schema: SchemaNode): string {
  for (const candidate of stringCandidates) {
    if (!violatesString(schema, candidate)) return candidate;
  }
  const length = typeof schema.minLength === "number" ? Math.max(schema.minLength, 1) : 1;
  return "x".repeat(length);
}

function optionsOf(schema: SchemaNode): SchemaNode[] | undefined {
  const options = schema.oneOf ?? schema.anyOf;
  return Array.isArray(options) ? options.filter(isRecord) : undefined;
}

function patternOf(schema: SchemaNode): RegExp | undefined {
  if (typeof schema.pattern !== "string") return undefined;
  try {
    return new RegExp(schema.pattern, "u");
  } catch {
    try {
      return new RegExp(schema.pattern);
    } catch {
      return undefined;
    }
  }
}

function violatesString(schema: SchemaNode, value: string): boolean {
  if (typeof schema.minLength === "number" && value.length < schema.minLength) return true;
  if (typeof schema.maxLength === "number" && [...value].length > schema.maxLength) return true;
  const pattern = patternOf(schema);
  if (pattern && !pattern.test(value)) return true;
  if (schema.format === "date-time" && Number.isNaN(Date.parse(value))) return true;
  return false;
}

function violatesNumber(schema: SchemaNode, value: number): boolean {
  if (!Number.isFinite(value)) return true;
  if (schema.type === "integer" && !Number.isInteger(value)) return true;
  if (typeof schema.minimum === "number") {
    if (value < schema.minimum) return true;
    if (schema.exclusiveMinimum === true && value === schema.minimum) return true;
  }
  if (typeof schema.exclusiveMinimum === "number" && value <= schema.exclusiveMinimum) return true;
  if (typeof schema.maximum === "number" && value > schema.maximum) return true;
  return false;
}

function jsonTypeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

/**
 * True only when no schema of this shape could accept the value as a JSON body field: a wrong type, an
 * unknown enum member, a broken length, pattern or range. Unsure cases answer false, so a route that
 * accepts them is not blamed.
 */
export function violatesBodySchema(schema: SchemaNode, value: unknown): boolean {
  const options = optionsOf(schema);
  if (options && options.length > 0) return options.every((option) => violatesBodySchema(option, value));
  if (value === null) return schema.nullable !== true && typeof schema.type === "string";
  if (Array.isArray(schema.enum)) return !schema.enum.includes(value);
  const type = jsonTypeOf(value);
  switch (schema.type) {
    case "string":
      return type !== "string" || (typeof value === "string" && violatesString(schema, value));
    case "integer":
    case "number":
      return type !== "number" || (typeof value === "number" && violatesNumber(schema, value));
    case "boolean":
      return type !== "boolean";
    case "array": {
      if (!Array.isArray(value)) return true;
      if (typeof schema.maxItems === "number" && value.length > schema.maxItems) return true;
      return typeof schema.minItems === "number" && value.length < schema.minItems;
    }
    case "object":
      return type !== "object";
    default:
      return false;
  }
}

/** The same question for a query-string or path value, which arrives as text and may be coerced. */
export function violatesTextParameter(schema: SchemaNode, value: string): boolean {
  const options = optionsOf(schema);
  if (options && options.length > 0) return options.every((option) => violatesTextParameter(option, value));
  if (Array.isArray(schema.enum)) return !schema.enum.includes(value);
  switch (schema.type) {
    case "string":
      return violatesString(schema, value);
    case "integer":
    case "number":
      return value.trim() === "" ? violatesNumber(schema, 0) : violatesNumber(schema, Number(value));
    default:
      return false;
  }
}

/** Whether leaving the property out can be refused: it is required and has no default. */
export function mustBePresent(objectSchema: SchemaNode, key: string): boolean {
  const required = Array.isArray(objectSchema.required) ? objectSchema.required : [];
  const properties = isRecord(objectSchema.properties) ? objectSchema.properties : {};
  const property = properties[key];
  return required.includes(key) && !(isRecord(property) && "default" in property);
}

/** Paths to every field of a body sample (object members and first array items), with their schemas. */
export function fieldsOf(
  schema: SchemaNode,
  path: (string | number)[] = [],
  depth = 0,
): { path: (string | number)[]; schema: SchemaNode; parent: SchemaNode | undefined }[] {
  if (depth > 4) return [];
  const fields: { path: (string | number)[]; schema: SchemaNode; parent: SchemaNode | undefined }[] = [];
  if (schema.type === "object" && isRecord(schema.properties)) {
    for (const [key, property] of Object.entries(schema.properties)) {
      if (!isRecord(property)) continue;
      fields.push({ path: [...path, key], schema: property, parent: schema });
      fields.push(...fieldsOf(property, [...path, key], depth + 1));
    }
  }
  if (schema.type === "array" && isRecord(schema.items)) {
    fields.push({ path: [...path, 0], schema: schema.items, parent: undefined });
    fields.push(...fieldsOf(schema.items, [...path, 0], depth + 1));
  }
  return fields;
}
