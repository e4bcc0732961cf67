import { describe, expect, it } from "vitest";
import type { ApprovalProxy } from "../../api/requests";
import { proxiesForMe } from "./approver-actions";
import { bulkOutcome } from "./bulk-outcome";

const proxy = (id: number, proxyStaffId: number, from: string, to: string): ApprovalProxy => ({
  id,
  approverStaffId: 1,
  proxyStaffId,
  from,
  to,
  approverName: "課長 一郎",
  proxyName: "係長 二郎",
});

describe("proxiesForMe", () => {
  it("offers 代決 only for my rows in force today", () => {
    const rows = [
      proxy(1, 5, "2026-10-01", "2026-10-14"),
      proxy(2, 5, "2026-10-15", "2026-10-20"),
      proxy(3, 6, "2026-10-01", "2026-10-31"),
    ];
    expect(proxiesForMe(rows, 5, "2026-10-14").map((row) => row.id)).toEqual([1]);
    expect(proxiesForMe(rows, null, "2026-10-14")).toEqual([]);
  });
});

describe("bulkOutcome", () => {
  it("counts approved and refused rows", () => {
    expect(bulkOutcome([{ ok: true }, { ok: false }, { ok: true }])).toEqual({ approved: 2, failed: 1 });
    expect(bulkOutcome([])).toEqual({ approved: 0, failed: 0 });
  });
});
