import fc from "fast-check";
import type { Operation, Parameter, SchemaNode } from "./openapi-operations";
import { fieldsOf, mustBePresent, sampleOf, violatesBodySchema, violatesTextParameter } from "./schema-rules";

/** One hostile call of an operation, and whether every correct server must refuse it. */
export interface BadInput {
  what: string;
  params: Record<string, string>;
  query: Record<string, string>;
  /** Raw JSON text (so keys like `__proto__` survive), or undefined for no body. */
  payload: string | undefined;
  mustRefuse: boolean;
}

function nestedArray(depth: number): unknown {
  let value: unknown = "bottom";
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

function nestedObject(depth: number): unknown {
  let value: unknown = "bottom";
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

const nastyStrings: string[] = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "😀👨‍👩‍👧‍👦",
  "\u202Eevil\u202C",
  "\u200F\u061C",
  "\uD800",
  "x".repeat(100_000),
  "あ".repeat(5_000),
  "2026-02-30",
  "2026-13-01",
  "2026-04-31",
  "0000-00-00",
  "2026-02-30T25:61:00Z",
  "__proto__",
  "constructor",
  "prototype",
  "'; drop table staff; --",
  "../../../../etc/passwd",
  '=HYPERLINK("http://x")',
  "NaN",
  "Infinity",
  "-1",
  "1e400",
  "0x10",
  "9007199254740993",
  "%00",
  "<script>alert(1)</script>",
  "unknown_enum_value",
];

const nastyNumbers: number[] = [
  -1,
  0,
  -0,
  0.5,
  -2147483649,
  2147483648,
  Number.MAX_SAFE_INTEGER + 2,
  1e308,
  -1e308,
  Number.MIN_VALUE,
];

/** Values of every JSON type, chosen to break careless handling. */
const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...nastyStrings),
  fc.constantFrom(...nastyNumbers),
  fc.constantFrom(true, false, null),
  fc.constantFrom<unknown>([], {}, [null], { __proto__: null }, nestedArray(3_000), nestedObject(500)),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.double(),
  fc.integer(),
  fc.jsonValue({ maxDepth: 3 }),
);

const nastyText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...nastyStrings),
  fc.constantFrom(...nastyNumbers.map(String)),
  fc.string({ unit: "binary", maxLength: 40 }),
);

const pollutionKeys = [
  '"__proto__":{"polluted":"yes","roles":["securityAdmin"]}',
  '"constructor":{"prototype":{"polluted":"yes"}}',
];

function withPollution(body: unknown, key: string): string {
  const text = JSON.stringify(body);
  if (!text.startsWith("{")) return `{${key}}`;
  return text === "{}" ? `{${key}}` : `{${key},${text.slice(1)}`;
}

function setAt(target: unknown, path: (string | number)[], value: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  if (Array.isArray(target) && typeof head === "number") {
    const copy = [...target];
    copy[head] = setAt(copy[head], rest, value);
    return copy;
  }
  const record = typeof target === "object" && target !== null && !Array.isArray(target) ? target : {};
  return { ...record, [head]: setAt(Reflect.get(record, head), rest, value) };
}

function removeAt(target: unknown, path: (string | number)[]): unknown {
  const [head, ...rest] = path;
  if (head === undefined || typeof target !== "object" || target === null) return target;
  if (rest.length === 0) {
    if (Array.isArray(target)) return target;
    const { [head]: _removed, ...others } = Object.fromEntries(Object.entries(target));
    return others;
  }
  if (Array.isArray(target) && typeof head === "number") {
    const copy = [...target];
    copy[head] = removeAt(copy[head], rest);
    return copy;
  }
  return { ...target, [head]: removeAt(Reflect.get(target, head), rest) };
}

function sampleParams(parameters: Parameter[]): Record<string, string> {
  return Object.fromEntries(parameters.map((p) => [p.name, String(sampleOf(p.schema))]));
}

function sampleQuery(parameters: Parameter[]): Record<string, string> {
  return Object.fromEntries(
    parameters.filter((p) => p.required).map((p) => [p.name, String(sampleOf(p.schema))]),
  );
}

function pathLabel(path: (string | number)[]): string {
  return path.join(".");
}

/** Hostile inputs for one operation; empty when it declares no input at all. */
export function badInputsFor(operation: Operation): fc.Arbitrary<BadInput>[] {
  const baseParams = sampleParams(operation.pathParams);
  const baseQuery = sampleQuery(operation.queryParams);
  const body = operation.body;
  const baseBody = body ? sampleOf(body) : undefined;
  const basePayload = baseBody === undefined ? undefined : JSON.stringify(baseBody);
  const base = { params: baseParams, query: baseQuery, payload: basePayload };
  const arbitraries: fc.Arbitrary<BadInput>[] = [];

  for (const parameter of operation.pathParams) {
    arbitraries.push(
      nastyText
        // Over-long path segments are refused by the router itself; schema-fuzz has its own case for them.
        .filter((text) => text !== "" && text.length <= 100)
        .map((text) => ({
          ...base,
          params: { ...baseParams, [parameter.name]: text },
          what: `path :${parameter.name} = ${JSON.stringify(text)}`,
          mustRefuse: violatesTextParameter(parameter.schema, text),
        })),
    );
  }
  for (const parameter of operation.queryParams) {
    arbitraries.push(
      nastyText.map((text) => ({
        ...base,
        query: { ...baseQuery, [parameter.name]: text },
        what: `query ${parameter.name} = ${JSON.stringify(text)}`,
        mustRefuse: violatesTextParameter(parameter.schema, text),
      })),
    );
  }
  if (body) arbitraries.push(...bodyMutations(body, baseBody, base));
  return arbitraries;
}

function bodyMutations(
  body: SchemaNode,
  baseBody: unknown,
  base: Omit<BadInput, "what" | "mustRefuse">,
): fc.Arbitrary<BadInput>[] {
  const arbitraries: fc.Arbitrary<BadInput>[] = [
    nastyValue.map((value) => ({
      ...base,
      payload: JSON.stringify(value),
      what: `body = ${JSON.stringify(value)}`,
      mustRefuse: violatesBodySchema(body, value),
    })),
    fc.constantFrom(...pollutionKeys).map((key) => ({
      ...base,
      payload: withPollution(baseBody, key),
      what: `body with ${key}`,
      // Fastify's JSON parser refuses prototype-poisoning keys outright.
      mustRefuse: true,
    })),
  ];
  const fields = fieldsOf(body);
  if (fields.length === 0) return arbitraries;
  arbitraries.push(
    fc.tuple(fc.constantFrom(...fields), nastyValue).map(([field, value]) => ({
      ...base,
      payload: JSON.stringify(setAt(baseBody, field.path, value)),
      what: `body.${pathLabel(field.path)} = ${JSON.stringify(value)}`,
      mustRefuse: violatesBodySchema(field.schema, value),
    })),
    fc.constantFrom(...fields).map((field) => ({
      ...base,
      payload: JSON.stringify(removeAt(baseBody, field.path)),
      what: `body without ${pathLabel(field.path)}`,
      mustRefuse:
        field.path.length === 1 &&
        field.parent !== undefined &&
        mustBePresent(field.parent, String(field.path[0])),
    })),
  );
  return arbitraries;
}
