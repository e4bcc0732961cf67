import { dayOfWeek, type LocalDate } from "@tobira/core";
import type { DayFindings } from "./digest-findings";
import type { DigestPerson } from "./digest-people";
import type { NotificationNote } from "./notify";

const weekdayNames = ["日", "月", "火", "水", "木", "金", "土"];
const myMonthLink = "/attendance/me";
const departmentMonthLink = "/attendance/departments";

/** 11月26日（木）. */
function formatJapaneseDate(date: LocalDate): string {
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日（${weekdayNames[dayOfWeek(date)]}）`;
}

function missingPunchLabels(findings: DayFindings): { ja: string; en: string } {
  if (findings.missingClockIn && findings.missingClockOut)
    return { ja: "出勤・退勤", en: "clock-in and clock-out" };
  if (findings.missingClockIn) return { ja: "出勤", en: "clock-in" };
  return { ja: "退勤", en: "clock-out" };
}

/** The notices one person gets about their own day. */
export function composePersonalNotes(date: LocalDate, findings: DayFindings): NotificationNote[] {
  const day = formatJapaneseDate(date);
  const notes: NotificationNote[] = [];
  if (findings.missingClockIn || findings.missingClockOut) {
    const labels = missingPunchLabels(findings);
    notes.push({
      staffId: findings.staffId,
      kind: "digest.missingPunch",
      title: `打刻漏れがあります（${day}）\nMissing punch on ${date}`,
      body:
        `${day}の${labels.ja}の打刻がありません。打刻修正を申請してください。\n` +
        `No ${labels.en} was recorded on ${date}. Please request a punch correction.`,
      link: myMonthLink,
    });
  }
  if (findings.divergenceMinutes > 0) {
    const minutes = findings.divergenceMinutes;
    notes.push({
      staffId: findings.staffId,
      kind: "digest.divergence",
      title: `在庁時間の乖離の理由をお知らせください（${day}）\nPresence beyond work time on ${date}`,
      body:
        `${day}、入退室の記録が勤務時間より${minutes}分長くなっています。` +
        "時間外勤務の申請か、理由（自己研鑽・私用など）の届出をしてください。\n" +
        `On ${date} you were at the office ${minutes} minutes beyond your declared work. ` +
        "Please report overtime or give the reason.",
      link: myMonthLink,
    });
  }
  return notes;
}

/** The summary a section head gets of their section's day (nothing when the section has nothing). */
export function composeSectionNotes(
  date: LocalDate,
  head: DigestPerson,
  members: readonly { person: DigestPerson; findings: DayFindings }[],
): NotificationNote[] {
  const day = formatJapaneseDate(date);
  const notes: NotificationNote[] = [];
  const missing = members.filter(({ findings }) => findings.missingClockIn || findings.missingClockOut);
  if (missing.length > 0) {
    const lines = missing.map(({ person, findings }) => {
      const labels = missingPunchLabels(findings);
      return `・${person.staffNumber} ${person.name}: ${labels.ja} / ${labels.en}`;
    });
    notes.push({
      staffId: head.staffId,
      kind: "digest.missingPunch",
      title: `課内の打刻漏れ ${missing.length}名（${day}）\nMissing punches in your section on ${date}: ${missing.length}`,
      body: `${day}に打刻漏れのある職員 / Staff with a missing punch on ${date}:\n${lines.join("\n")}`,
      link: departmentMonthLink,
    });
  }
  const divergent = members.filter(({ findings }) => findings.divergenceMinutes > 0);
  if (divergent.length > 0) {
    const lines = divergent.map(
      ({ person, findings }) =>
        `・${person.staffNumber} ${person.name}: ${findings.divergenceMinutes}分 / min`,
    );
    notes.push({
      staffId: head.staffId,
      kind: "digest.divergence",
      title: `課内の在庁時間の乖離 ${divergent.length}名（${day}）\nUnexplained presence in your section on ${date}: ${divergent.length}`,
      body: `${day}に理由の届出がない乖離のある職員 / Staff with unexplained presence on ${date}:\n${lines.join("\n")}`,
      link: departmentMonthLink,
    });
  }
  return notes;
}
