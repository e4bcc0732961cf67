/**
 * The leave types offered on the form, by the codes of the common model (人事院規則15-14 as most towns
 * adopt it); the server holds the town's own table and refuses a code not in force.
 */
export const leaveTypeCodes = [
  "annual",
  "sick",
  "summer",
  "bereavement",
  "marriage",
  "childNursing",
  "shortTermCare",
  "spouseChildbirth",
  "paternalChildcare",
  "volunteer",
] as const;

export type LeaveTypeCode = (typeof leaveTypeCodes)[number];

export interface LeaveTypeNeeds {
  /** 証明書類: the type asks for evidence handed in with the request. */
  evidence: boolean;
  /** Counted per event (marriage, a death, a birth): the request names it. */
  event: boolean;
  /** 忌引: the relation to the deceased decides the days. */
  relation: boolean;
  /** 子の看護・短期介護: one or two or more people cared for decide the days. */
  dependants: boolean;
}

const needs: Record<LeaveTypeCode, LeaveTypeNeeds> = {
  annual: { evidence: false, event: false, relation: false, dependants: false },
  sick: { evidence: true, event: false, relation: false, dependants: false },
  summer: { evidence: false, event: false, relation: false, dependants: false },
  bereavement: { evidence: true, event: true, relation: true, dependants: false },
  marriage: { evidence: true, event: true, relation: false, dependants: false },
  childNursing: { evidence: false, event: false, relation: false, dependants: true },
  shortTermCare: { evidence: false, event: false, relation: false, dependants: true },
  spouseChildbirth: { evidence: true, event: true, relation: false, dependants: false },
  paternalChildcare: { evidence: true, event: true, relation: false, dependants: false },
  volunteer: { evidence: true, event: false, relation: false, dependants: false },
};

const noNeeds: LeaveTypeNeeds = { evidence: false, event: false, relation: false, dependants: false };

export function isLeaveTypeCode(code: string): code is LeaveTypeCode {
  return leaveTypeCodes.some((candidate) => candidate === code);
}

/** What else the form asks for a leave type; a code outside the list asks for nothing more. */
export function leaveTypeNeeds(code: string): LeaveTypeNeeds {
  return isLeaveTypeCode(code) ? needs[code] : noNeeds;
}

/** 忌引: the relations the common model counts days for. */
export const bereavementRelations = ["spouse", "parent", "child", "grandparent", "sibling"] as const;
