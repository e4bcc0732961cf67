import type { Position, StaffDetail } from "@tobira/protocol";
import { listPositions } from "../../api/org";
import { getStaff } from "../../api/staff";
import { todayInTokyo } from "../../i18n/format";
import { useQuery } from "../../lib/use-query";

export interface MyStaff {
  staff: StaffDetail;
  /** 所属長: my current post is a section head's, so I order overtime for my section's members. */
  isSectionHead: boolean;
}

/** Whether today's assignment holds a section head's position. */
export function holdsSectionHeadPost(
  staff: StaffDetail,
  positions: readonly Position[],
  today: string,
): boolean {
  const heads = new Set(
    positions.filter((position) => position.isSectionHead).map((position) => position.id),
  );
  return staff.assignments.some(
    (assignment) =>
      assignment.positionId !== null &&
      heads.has(assignment.positionId) &&
      assignment.validFrom <= today &&
      (assignment.validTo === null || assignment.validTo >= today),
  );
}

/** The signed-in person's staff record (name and section for the form's head) and whether they head it. */
export function useMyStaff(staffId: number | null) {
  return useQuery<MyStaff | null>(`my-staff:${staffId ?? "none"}`, async (signal) => {
    if (staffId === null) return null;
    const [staff, positions] = await Promise.all([getStaff(staffId, signal), listPositions(signal)]);
    return { staff, isSectionHead: holdsSectionHeadPost(staff, positions, todayInTokyo()) };
  });
}
