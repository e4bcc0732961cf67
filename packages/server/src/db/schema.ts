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

// ---- 入退室管理 (access control) ----

/** Areas form a tree (庁舎 › 2F › サーバ室); flags are stored as 0/1 on both databases. */
export interface AccessAreaTable {
  id: Generated<number>;
  name: string;
  parent_id: number | null;
  anti_passback: number;
  two_person_rule: number;
}

export interface AccessDoorTable {
  id: Generated<number>;
  name: string;
  from_area_id: number;
  to_area_id: number;
  default_mode: string;
  exit_button: number;
  held_open_seconds: ColumnType<number, number | undefined, number>;
  unlock_seconds: ColumnType<number, number | undefined, number>;
}

/** A door's mode during a schedule; `position` orders them (first match wins). */
export interface AccessDoorModeTable {
  door_id: number;
  position: number;
  schedule_id: number;
  mode: string;
}

export interface AccessReaderTable {
  id: Generated<number>;
  name: string;
  kind: string;
  door_id: number | null;
  side: string | null;
}

export interface AccessScheduleTable {
  id: Generated<number>;
  name: string;
}

/** Minutes after local midnight, [start, end). */
export interface AccessScheduleWindowTable {
  id: Generated<number>;
  schedule_id: number;
  day_type: string;
  start_minute: number;
  end_minute: number;
}

export interface AccessSpecialDayTable {
  id: Generated<number>;
  schedule_id: number;
  date: LocalDate;
}

export interface AccessSpecialWindowTable {
  id: Generated<number>;
  special_day_id: number;
  start_minute: number;
  end_minute: number;
}

export interface AccessGroupTable {
  id: Generated<number>;
  name: string;
}

export interface AccessRuleTable {
  id: Generated<number>;
  group_id: number;
  door_id: number;
  schedule_id: number;
  minimum_assurance: string;
}

/** Validity dates are inclusive. */
export interface AccessMembershipTable {
  id: Generated<number>;
  group_id: number;
  staff_id: number;
  valid_from: LocalDate;
  valid_to: LocalDate | null;
}

export interface AccessGrantTable {
  id: Generated<number>;
  /** Exactly one of staff_id and visitor_id is set. */
  staff_id: number | null;
  visitor_id: number | null;
  door_id: number;
  valid_from: Instant;
  valid_to: Instant;
  minimum_assurance: string;
  reason: string;
  state: string;
  requested_by: string;
  requested_at: Instant;
  decided_by: string | null;
  decided_at: Instant | null;
  decision_comment: string | null;
}

/** One row (id 1): the access rules' version, bumped by every change agents must hear about. */
export interface AccessVersionTable {
  id: number;
  version: number;
}

/**
 * One row per access version since the journal began: what that version changed in the snapshot, as a
 * JSON array of snapshot changes, or null when the change needs the whole snapshot (see snapshot-journal.ts).
 */
export interface AccessSnapshotChangeTable {
  version: number;
  change_json: string | null;
}

/** One row (id 1): the Ed25519 key that signs snapshots, PKCS#8 and SPKI PEM. */
export interface SigningKeyTable {
  id: number;
  private_key_pem: string;
  public_key_pem: string;
  created_at: Instant;
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
  access_area: AccessAreaTable;
  access_door: AccessDoorTable;
  access_door_mode: AccessDoorModeTable;
  access_reader: AccessReaderTable;
  access_schedule: AccessScheduleTable;
  access_schedule_window: AccessScheduleWindowTable;
  access_special_day: AccessSpecialDayTable;
  access_special_window: AccessSpecialWindowTable;
  access_group: AccessGroupTable;
  access_rule: AccessRuleTable;
  access_membership: AccessMembershipTable;
  access_grant: AccessGrantTable;
  access_version: AccessVersionTable;
  access_snapshot_change: AccessSnapshotChangeTable;
  signing_key: SigningKeyTable;
  credential_challenge: CredentialChallengeTable;
  credential: CredentialTable;
  visitor: VisitorTable;
  visitor_door: VisitorDoorTable;
  access_event: AccessEventTable;
  access_alarm: AccessAlarmTable;
  agent: AgentTable;
  attendance_rule_version: AttendanceRuleVersionTable;
  work_pattern: WorkPatternTable;
  pattern_assignment: PatternAssignmentTable;
  attendance_entry: AttendanceEntryTable;
  attendance_month_close: AttendanceMonthCloseTable;
  attendance_setting: AttendanceSettingTable;
  section_designation: SectionDesignationTable;
  api_token: ApiTokenTable;
  webhook_subscription: WebhookSubscriptionTable;
  webhook_event: WebhookEventTable;
  webhook_delivery: WebhookDeliveryTable;
  webhook_attempt: WebhookAttemptTable;
  request: RequestTable;
  approval_proxy: ApprovalProxyTable;
  section_route_rule: SectionRouteRuleTable;
  notification: NotificationTable;
  mail_outbox: MailOutboxTable;
  digest_run: DigestRunTable;
}

export type DepartmentRow = Selectable<DepartmentTable>;
export type PositionRow = Selectable<PositionTable>;
export type StaffRow = Selectable<StaffTable>;
export type NewStaffRow = Insertable<StaffTable>;
export type StaffRowUpdate = Updateable<StaffTable>;
export type StaffAssignmentRow = Selectable<StaffAssignmentTable>;
export type UserRow = Selectable<UserTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
export type AccessAreaRow = Selectable<AccessAreaTable>;
export type AccessDoorRow = Selectable<AccessDoorTable>;
export type AccessReaderRow = Selectable<AccessReaderTable>;

// ---- credentials and visitors ----

/** A one-time enrolment challenge; only the SHA-256 of the challenge is kept. */
export interface CredentialChallengeTable {
  id: Generated<number>;
  challenge_hash: string;
  issued_by: string;
  issued_at: Instant;
  expires_at: Instant;
  used_at: Instant | null;
}

/**
 * A card bound to a staff member or a visitor (exactly one of the two). Nothing here is, or is derived
 * from, a 個人番号: a My Number Card is known by its user-authentication certificate.
 */
export interface CredentialTable {
  id: Generated<number>;
  staff_id: number | null;
  visitor_id: number | null;
  kind: string;
  key: string;
  jpki_issuer: string | null;
  jpki_serial: string | null;
  /** SubjectPublicKeyInfo DER, base64; null for a UID. */
  public_key: string | null;
  valid_from: Instant | null;
  valid_to: Instant | null;
  status: string;
  status_reason: string | null;
  status_changed_at: Instant | null;
  status_changed_by: string | null;
  replaced_by_id: number | null;
  enrolled_by: string;
  enrolled_at: Instant;
}

/** 来庁者・業者 given a card for one day by the duty officer (宿日直). */
export interface VisitorTable {
  id: Generated<number>;
  name: string;
  organisation: string | null;
  purpose: string;
  host_staff_id: number;
  issued_by: string;
  issued_at: Instant;
  expires_at: Instant;
  returned_at: Instant | null;
  returned_by: string | null;
}

/** The doors a visitor's card opens until it expires or is returned. */
export interface VisitorDoorTable {
  visitor_id: number;
  door_id: number;
}

export type CredentialRow = Selectable<CredentialTable>;
export type NewCredentialRow = Insertable<CredentialTable>;
export type VisitorRow = Selectable<VisitorTable>;

// ---- access events and alarms ----

/**
 * One reader event, hash-chained in seq order and never changed. `event_id` is the reader's own id
 * (the idempotency key); `live` says whether it arrived in time to trigger live actions. Flags are 0/1.
 */
export interface AccessEventTable {
  seq: number;
  event_id: string;
  reader_id: number;
  door_id: number | null;
  occurred_at: Instant;
  received_at: Instant;
  kind: string;
  credential_key: string | null;
  holder_id: string | null;
  granted: number | null;
  reason: string | null;
  assurance: string | null;
  direction: string | null;
  live: number;
  /** The reader's own count of its events, so the order per reader survives any delivery order. */
  sequence: number | null;
  punch: string | null;
  replaces_event_id: string | null;
  prev_hash: string;
  hash: string;
}

export interface AccessAlarmTable {
  id: Generated<number>;
  kind: string;
  door_id: number | null;
  reader_id: number;
  raised_at: Instant;
  event_seq: number;
  acknowledged_by: string | null;
  acknowledged_at: Instant | null;
  comment: string | null;
}

export type AccessEventRow = Selectable<AccessEventTable>;
export type NewAccessEventRow = Insertable<AccessEventTable>;
export type AccessAlarmRow = Selectable<AccessAlarmTable>;

// ---- reader agents ----

/** A reader agent: its Ed25519 public key (raw, base64), what it asked to be, and what it last said. */
export interface AgentTable {
  id: Generated<number>;
  public_key: string;
  fingerprint: string;
  name: string;
  role: string;
  status: string;
  reader_id: number | null;
  requested_at: Instant;
  decided_by: string | null;
  decided_at: Instant | null;
  software_version: string | null;
  snapshot_version: number | null;
  clock_skew_ms: number | null;
  last_seen_at: Instant | null;
}

export type AgentRow = Selectable<AgentTable>;

// ---- 勤務時間・給与の規則 (attendance rules) ----

/** A rule set in force from its 施行日 (effective_from) until the next version's; `rules` is JSON. */
export interface AttendanceRuleVersionTable {
  id: Generated<number>;
  effective_from: LocalDate;
  rules: string;
  created_by: string;
  created_at: Instant;
}

/** 勤務パターン: `days` is JSON keyed "0" (Sunday) to "6", each { start, end, breaks } in minutes of the work day. */
export interface WorkPatternTable {
  id: Generated<number>;
  name: string;
  days: string;
  created_at: Instant;
  updated_at: Instant;
}

/** The pattern a staff member works; dates inclusive, valid_to null = open. */
export interface PatternAssignmentTable {
  id: Generated<number>;
  staff_id: number;
  pattern_id: number;
  valid_from: LocalDate;
  valid_to: LocalDate | null;
}

/** Whether a section is 他律的 (externally_driven 0/1) over dates, inclusive. */
export interface SectionDesignationTable {
  id: Generated<number>;
  department_id: number;
  externally_driven: number;
  valid_from: LocalDate;
  valid_to: LocalDate | null;
}

// ---- 勤務の記録 (attendance entries and the month close) ----

/**
 * An approved fact about one person's work day. `kind` says which columns are set: punchCorrection
 * (start_minute = 出勤 and/or end_minute = 退勤), overtimeOrder (start/end), leave (leave_type, start/end
 * or both null for the whole day), holidayWork (compensation), divergenceReason (reason only).
 */
export interface AttendanceEntryTable {
  id: Generated<number>;
  staff_id: number;
  work_date: LocalDate;
  kind: string;
  start_minute: number | null;
  end_minute: number | null;
  leave_type: string | null;
  compensation: string | null;
  reason: string;
  recorded_by: string;
  recorded_at: Instant;
  /** The approved request this fact came from; null for HR's direct entries. */
  request_id: ColumnType<number | null, number | null | undefined, number | null>;
}

/** A department's month closed (締め); reopening fills the reopened_* columns, and a new close adds a row. */
export interface AttendanceMonthCloseTable {
  id: Generated<number>;
  department_id: number;
  month: string;
  closed_by: string;
  closed_at: Instant;
  reopened_by: string | null;
  reopened_at: Instant | null;
  reopen_reason: string | null;
}

/** A town-wide attendance setting that is not a dated rule (the payroll layout), JSON by key. */
export interface AttendanceSettingTable {
  key: string;
  value: string;
  updated_by: string;
  updated_at: Instant;
}

// ---- 外部連携 (API tokens and webhooks) ----

/** A token another system calls the API with; only its SHA-256 is kept. `scopes` is a JSON array of permissions. */
export interface ApiTokenTable {
  id: Generated<number>;
  name: string;
  secret_hash: string;
  scopes: string;
  expires_at: Instant | null;
  created_by: string;
  created_at: Instant;
  revoked_by: string | null;
  revoked_at: Instant | null;
  last_used_at: Instant | null;
}

/** Where events are POSTed; `event_types` is a JSON array; `secret` signs each delivery (never logged). */
export interface WebhookSubscriptionTable {
  id: Generated<number>;
  name: string;
  url: string;
  event_types: string;
  secret: string;
  active: number;
  created_by: string;
  created_at: Instant;
  updated_at: Instant;
  deleted_at: Instant | null;
}

/** An event in the outbox; `payload` is JSON. The id is the one every retry carries. */
export interface WebhookEventTable {
  id: string;
  type: string;
  occurred_at: Instant;
  payload: string;
}

/** One event for one subscription: pending until a 2xx (delivered) or the last attempt (failed). */
export interface WebhookDeliveryTable {
  id: Generated<number>;
  subscription_id: number;
  event_id: string;
  event_occurred_at: Instant;
  state: "pending" | "delivered" | "failed";
  attempts: Generated<number>;
  next_attempt_at: Instant;
  last_attempt_at: Instant | null;
  last_status: number | null;
  last_error: string | null;
  delivered_at: Instant | null;
}

/** One POST of a delivery: the HTTP status, or the error when there was no answer. */
export interface WebhookAttemptTable {
  id: Generated<number>;
  delivery_id: number;
  attempt: number;
  attempted_at: Instant;
  status: number | null;
  error: string | null;
  duration_ms: number;
}

// ---- 庶務事務 (requests and approvals) ----

/**
 * A request: `payload`, `route` and `history` are JSON in core's shapes (times in minutes of the work
 * day); `step` is the route step waiting for a decision while pending or cancelPending, else null.
 */
export interface RequestTable {
  id: Generated<number>;
  staff_id: number;
  department_id: number;
  kind: string;
  payload: string;
  status: string;
  step: number | null;
  route: string;
  history: string;
  created_by: string;
  created_at: Instant;
  updated_at: Instant;
}

/** 代決者: proxy_staff_id decides for approver_staff_id from valid_from to valid_to (inclusive). */
export interface ApprovalProxyTable {
  id: Generated<number>;
  approver_staff_id: number;
  proxy_staff_id: number;
  valid_from: LocalDate;
  valid_to: LocalDate;
}

/** A section's approval routes (core's SectionRouteRules as JSON); a section without a row uses the default. */
export interface SectionRouteRuleTable {
  id: Generated<number>;
  department_id: number;
  rules: string;
  updated_by: string;
  updated_at: Instant;
}

// ---- お知らせ (notifications, their e-mail copies and the morning digest) ----

/** A notice for one person; `kind` is one of protocol's notification kinds. */
export interface NotificationTable {
  id: Generated<number>;
  staff_id: number;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  request_id: number | null;
  created_at: Instant;
  read_at: Instant | null;
}

/** An e-mail copy of a notification, sent to the person's address as it is when the sender takes it. */
export interface MailOutboxTable {
  id: Generated<number>;
  notification_id: number;
  staff_id: number;
  subject: string;
  body: string;
  state: "pending" | "sent" | "skipped" | "failed";
  attempts: Generated<number>;
  next_attempt_at: Instant;
  last_error: string | null;
  sent_at: Instant | null;
  created_at: Instant;
}

/** The morning digest about one date, claimed by the first server to insert the row. */
export interface DigestRunTable {
  date: LocalDate;
  claimed_at: Instant;
  finished_at: Instant | null;
  notified: number | null;
  error: string | null;
}
