import type { Position, StaffDetail } from "@tobira/protocol";
import { describe, expect, it } from "vitest";
import { holdsSectionHeadPost } from "./use-my-staff";

const positions: Position[] = [
  { id: 1, code: "kacho", name: "課長", rank: 10, isSectionHead: true },
  { id: 2, code: "shuji", name: "主事", rank: 50, isSectionHead: false },
];

function staffWith(
  assignments: { positionId: number | null; validFrom: string; validTo: string | null }[],
): StaffDetail {
  return {
    id: 7,
    staffNumber: "1007",
    familyName: "山田",
    givenName: "花子",
    familyNameKana: "ヤマダ",
    givenNameKana: "ハナコ",
    employmentType: "regular",
    departmentId: 3,
    departmentName: "総務課",
    positionName: null,
    startDate: "2020-04-01",
    endDate: null,
    email: null,
    phone: null,
    assignments: assignments.map((assignment, index) => ({
      id: index + 1,
      departmentId: 3,
      departmentName: "総務課",
      positionName: null,
      note: null,
      ...assignment,
    })),
  };
}

describe("holdsSectionHeadPost", () => {
  it("is true while today's assignment is a section head's post", () => {
    const staff = staffWith([{ positionId: 1, validFrom: "2026-04-01", validTo: null }]);
    expect(holdsSectionHeadPost(staff, positions, "2026-10-14")).toBe(true);
  });

  it("is false for an ordinary post, a past headship, or one that has not begun", () => {
    expect(
      holdsSectionHeadPost(
        staffWith([{ positionId: 2, validFrom: "2026-04-01", validTo: null }]),
        positions,
        "2026-10-14",
      ),
    ).toBe(false);
    expect(
      holdsSectionHeadPost(
        staffWith([{ positionId: 1, validFrom: "2025-04-01", validTo: "2026-03-31" }]),
        positions,
        "2026-10-14",
      ),
    ).toBe(false);
    expect(
      holdsSectionHeadPost(
        staffWith([{ positionId: 1, validFrom: "2026-11-01", validTo: null }]),
        positions,
        "2026-10-14",
      ),
    ).toBe(false);
  });
});
