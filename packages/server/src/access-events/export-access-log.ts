import { formatWareki, formatWarekiMonth, toLocalDate } from "@tobira/core";
import type { AccessLogEntry, AccessLogExportQuery } from "@tobira/protocol";
import type { Deps } from "../deps";
import { formatCsv } from "../staff-import/format-csv";
import { writeXlsx } from "../staff-import/write-xlsx";
import { listAccessLogInOrder } from "./access-log-repository";
import { writeAccessLogPdf } from "./write-access-log-pdf";

export interface AccessLogFile {
  fileName: string;
  contentType: string;
  body: Buffer;
  rows: number;
}

/** A month's log is bounded by the building's traffic; this stops a runaway export, not a real one. */
const maxExportRows = 200_000;
const utf8Bom = "\uFEFF";
const tokyoOffsetMs = 9 * 60 * 60 * 1000;

const kindLabels: Readonly<Record<AccessLogEntry["kind"], string>> = {
  decision: "認証",
  door_forced: "こじ開け",
  door_held: "開放放置",
  tamper: "いたずら",
  exit_button: "退室ボタン",
  reader_offline: "読取装置オフライン",
  reader_online: "読取装置オンライン",
  punch: "出退勤打刻",
  clock_skew: "時刻のずれ",
};

/** The month's first instant and the next month's, in Japan time. */
export function monthRange(month: string): { from: string; to: string } {
  const [year, monthNumber] = month.split("-").map(Number);
  if (year === undefined || monthNumber === undefined) throw new RangeError(`not a month: ${month}`);
  const next = monthNumber === 12 ? `${year + 1}-01` : `${year}-${String(monthNumber + 1).padStart(2, "0")}`;
  return { from: `${month}-01T00:00:00+09:00`, to: `${next}-01T00:00:00+09:00` };
}

// Japan keeps no daylight saving time, so a fixed +9 hours is exact.
function formatTokyoTime(instant: string): string {
  return new Date(Date.parse(instant) + tokyoOffsetMs).toISOString().slice(0, 19).replace("T", " ");
}

function describeResult(entry: AccessLogEntry): string {
  if (entry.granted === null) return "";
  return entry.granted ? "許可" : "拒否";
}

function describeDirection(entry: AccessLogEntry): string {
  if (entry.direction === null) return "";
  return entry.direction === "entry" ? "入室" : "退室";
}

/** The header row and one text row per entry, the same for CSV and Excel. */
export function buildAccessLogTable(entries: readonly AccessLogEntry[]): string[][] {
  return [
    [
      "日時",
      "区域",
      "扉",
      "読取装置",
      "種別",
      "方向",
      "氏名",
      "利用者ID",
      "結果",
      "理由",
      "認証方式",
      "遅延受信",
    ],
    ...entries.map((entry) => [
      formatTokyoTime(entry.occurredAt),
      entry.areaName ?? "",
      entry.doorName ?? "",
      entry.readerName ?? "",
      kindLabels[entry.kind],
      describeDirection(entry),
      entry.holderName ?? "",
      entry.holderId ?? "",
      describeResult(entry),
      entry.reason ?? "",
      entry.assurance ?? "",
      entry.live ? "" : "遅延",
    ]),
  ];
}

async function areaNameOf(db: Deps["db"], areaId: number | undefined): Promise<string> {
  if (areaId === undefined) return "全区域";
  const area = await db.selectFrom("access_area").select("name").where("id", "=", areaId).executeTakeFirst();
  return area?.name ?? `区域 ${areaId}`;
}

/**
 * 入退室記録簿 of one month (Japan time), for one area or the whole building,
 * as CSV (UTF-8 with BOM), Excel or a printable PDF.
 */
export async function exportAccessLog(
  { db, clock }: Pick<Deps, "db" | "clock">,
  query: AccessLogExportQuery,
): Promise<AccessLogFile> {
  const entries = await listAccessLogInOrder(
    db,
    { ...monthRange(query.month), areaId: query.areaId },
    maxExportRows,
  );
  const table = buildAccessLogTable(entries);
  const baseName = `access-log-${query.month}${query.areaId === undefined ? "" : `-area-${query.areaId}`}`;
  if (query.format === "pdf") {
    const now = clock.now();
    const heading = {
      areaName: await areaNameOf(db, query.areaId),
      monthLabel: formatWarekiMonth(query.month),
      printedOn: formatWareki(toLocalDate(now)),
    };
    return {
      fileName: `${baseName}.pdf`,
      contentType: "application/pdf",
      body: await writeAccessLogPdf(table, heading, now),
      rows: entries.length,
    };
  }
  if (query.format === "xlsx") {
    return {
      fileName: `${baseName}.xlsx`,
      contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      body: await writeXlsx(table, "入退室記録簿"),
      rows: entries.length,
    };
  }
  return {
    fileName: `${baseName}.csv`,
    contentType: "text/csv; charset=utf-8",
    body: Buffer.from(utf8Bom + formatCsv(table), "utf8"),
    rows: entries.length,
  };
}
