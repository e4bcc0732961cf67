import type { ImportField } from "@tobira/protocol";

/**
 * Header names accepted for each field, as Japanese payroll/HR (人事給与) systems and our own export
 * write them. The first name is the one our export uses; when a file has several, the earliest listed wins.
 */
export const fieldHeaders: Record<ImportField, readonly string[]> = {
  staffNumber: ["職員番号", "職員コード", "職員No", "職員NO.", "社員番号", "staffNumber"],
  familyName: ["氏", "姓", "familyName"],
  givenName: ["名", "givenName"],
  familyNameKana: [
    "氏カナ",
    "姓カナ",
    "フリガナ(氏)",
    "カナ(氏)",
    "氏(カナ)",
    "姓(カナ)",
    "氏フリガナ",
    "familyNameKana",
  ],
  givenNameKana: ["名カナ", "フリガナ(名)", "カナ(名)", "名(カナ)", "名フリガナ", "givenNameKana"],
  departmentCode: ["所属コード", "所属CD", "所属課コード", "departmentCode"],
  positionCode: ["職コード", "職名コード", "役職コード", "positionCode"],
  employmentType: ["雇用区分", "任用区分", "職員区分", "employmentType"],
  startDate: ["採用日", "採用年月日", "任用開始日", "startDate"],
  endDate: ["退職日", "退職年月日", "任用終了日", "endDate"],
  email: ["メール", "メールアドレス", "Eメール", "email"],
  phone: ["電話", "電話番号", "内線", "内線番号", "phone"],
};

/** A single column holding the whole name, split on the first full- or half-width space. */
export const fullNameHeaders: readonly string[] = ["氏名", "職員氏名", "name"];

/** A single column holding the whole reading, split the same way. */
export const fullKanaHeaders: readonly string[] = [
  "カナ",
  "フリガナ",
  "氏名カナ",
  "カナ氏名",
  "氏名(カナ)",
  "kana",
];

export const requiredFields: readonly ImportField[] = [
  "staffNumber",
  "familyName",
  "givenName",
  "familyNameKana",
  "givenNameKana",
  "departmentCode",
  "employmentType",
  "startDate",
];

/** Full-width letters, brackets and half-width kana compared as their plain forms; spaces and case ignored. */
export function normalizeHeader(header: string): string {
  return header.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
}
