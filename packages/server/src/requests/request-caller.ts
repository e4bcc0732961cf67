import type { Role } from "@tobira/protocol";
import { AppError } from "../errors";
import { toPersonId } from "./request-people";

/** Who is acting: the signed-in account and the staff member it belongs to. */
export interface RequestCaller {
  loginId: string;
  staffId: number | null;
  roles: readonly Role[];
}

/** The caller as core names them; an account without a staff member neither applies nor decides. */
export function requireCallerPerson(caller: RequestCaller): { staffId: number; personId: string } {
  if (caller.staffId === null) {
    throw new AppError(
      "forbidden",
      "This account is not tied to a staff member, so it cannot make or decide requests.",
    );
  }
  return { staffId: caller.staffId, personId: toPersonId(caller.staffId) };
}
