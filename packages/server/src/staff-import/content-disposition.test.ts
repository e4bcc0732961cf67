import { describe, expect, it } from "vitest";
import { formatContentDisposition } from "./content-disposition";

describe("formatContentDisposition", () => {
  it("quotes an ASCII name", () => {
    expect(formatContentDisposition("staff-2026-11-27.csv")).toBe(
      'attachment; filename="staff-2026-11-27.csv"',
    );
  });

  it("adds an RFC 5987 name for Japanese", () => {
    expect(formatContentDisposition("職員(2026).csv")).toBe(
      `attachment; filename="__(2026).csv"; filename*=UTF-8''%E8%81%B7%E5%93%A1%282026%29.csv`,
    );
  });
});
