import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";

/** Instants are stored as UTC ISO-8601 text and local dates as 'YYYY-MM-DD' text on both databases. */
type Instant = string;
type LocalDate = string;

export interface DepartmentTable {
  id: Generated<number>;
  code: string;
  name: string;
  kind: string;
  parent_id: number | null;
  valid_from: LocalDate;
  valid_to: LocalDate | null;
}

export interface PositionTable {
  id: Generated<number>;
  code: string;
  name: string;
  rank: number;
  is_section_head: ColumnType<number, number, number>;
}

export interface StaffTable {
  id: Generated<number>;
  staff_number: string;
  family_name: string;
  given_name: string;
  family_name_kana: string;
  given_name_kana: string;
  employment_type: string;
  start_date: LocalDate;
  end_date: LocalDate | null;
  email: string | null;
  phone: string | null;
  created_at: Instant;
  updated_at: Instant;
}

/** 所属・職 over time; a transfer closes one row and opens the next. */
export interface StaffAssignmentTable {
  id: Generated<number>;
  staff_id: number;
  department_id: number;
  position_id: number | null;
  valid_from: LocalDate;
  valid_to: LocalDate | null;
  note: string | null;
}

export interface UserTable {
  id: Generated<number>;
  login_id: string;
  staff_id: number | null;
  password_hash: string;
  must_change_password: number;
  failed_attempts: number;
  locked_until: Instant | null;
  created_at: Instant;
  password_changed_at: Instant;
}

export interface UserRoleTable {
  user_id: number;
  role: string;
}

/** Sessions are looked up by the SHA-256 of the cookie token; the token itself is never stored. */
export interface SessionTable {
  id_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: Instant;
  last_seen_at: Instant;
  expires_at: Instant;
}

export interface AuditLogTable {
  seq: number;
  at: Instant;
  actor: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  details: string;
  prev_hash: string;
  hash: string;
}

export interface TownDayTable {
  date: LocalDate;
  kind: string;
  name: string;
}

export interface Database {
  department: DepartmentTable;
  position: PositionTable;
  staff: StaffTable;
  staff_assignment: StaffAssignmentTable;
  app_user: UserTable;
  user_role: UserRoleTable;
  session: SessionTable;
  audit_log: AuditLogTable;
  town_day: TownDayTable;
}

export type DepartmentRow = Selectable<DepartmentTable>;
export type PositionRow = Selectable<PositionTable>;
export type StaffRow = Selectable<StaffTable>;
export type NewStaffRow = Insertable<StaffTable>;
export type StaffRowUpdate = Updateable<StaffTable>;
export type StaffAssignmentRow = Selectable<StaffAssignmentTable>;
export type UserRow = Selectable<UserTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
