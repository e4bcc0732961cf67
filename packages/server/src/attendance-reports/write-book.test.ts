import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { createMonthReport } from "./month-report.fixture";
import { writeBook } from "./write-book";

// pdftotext (poppler-utils) lays out text with spaces between cells; compare without any whitespace.
function extractText(pdf: Buffer): string {
  return execFileSync("pdftotext", ["-layout", "-", "-"], { input: pdf })
    .toString("utf8")
    .replace(/\s+/g, "");
}

const compact = (text: string) => text.replace(/\s+/g, "");

describe("writeBook as PDF", () => {
  const report = createMonthReport();
  // Each book is written once and shared by the tests that read it: embedding the font takes a while.
  const leaveFile = writeBook("leave", "pdf", report);

  it("prints the 出勤簿 with the font, the 和暦 month, a night shift's clock-out and a missing punch", async () => {
    const file = await writeBook("attendance", "pdf", report);
    expect(file.fileName).toBe("attendance-book-010-2026-10.pdf");
    expect(file.contentType).toBe("application/pdf");
    expect(file.body.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(file.body.includes("BIZUDPGothic")).toBe(true);
    const text = extractText(file.body);
    for (const expected of [
      "出勤簿",
      "山田 太郎",
      "佐藤 花子",
      "令和8年10月",
      "印刷日:令和8年11月2日",
      "25:10",
      "退勤打刻なし",
    ])
      expect(text).toContain(compact(expected));
    expect(text).toContain("60時間超の開始日令和8年10月26日");
  });

  it("prints the 時間外勤務命令簿 with each order's 業務内容", async () => {
    const file = await writeBook("overtimeOrders", "pdf", report);
    expect(file.fileName).toBe("overtime-orders-010-2026-10.pdf");
    expect(file.body.includes("BIZUDPGothic")).toBe(true);
    const text = extractText(file.body);
    for (const expected of [
      "時間外勤務命令簿",
      "令和8年10月",
      "議会答弁資料の作成",
      "17:15–20:00",
      "山田 太郎",
      "月計",
    ])
      expect(text).toContain(compact(expected));
  });

  it("prints the 休暇処理簿 with the leave types' names", async () => {
    const file = await leaveFile;
    expect(file.fileName).toBe("leave-010-2026-10.pdf");
    const text = extractText(file.body);
    for (const expected of ["休暇処理簿", "令和8年10月", "年次有給休暇", "病気休暇", "全日", "13:00–17:15"])
      expect(text).toContain(compact(expected));
  });

  it("gives the same bytes for the same report printed at the same moment", async () => {
    const first = await leaveFile;
    const second = await writeBook("leave", "pdf", createMonthReport());
    expect(second.body.equals(first.body)).toBe(true);
  });

  it("still prints a page when the month has nothing to list", async () => {
    const empty = { ...report, people: [] };
    const text = extractText((await writeBook("overtimeOrders", "pdf", empty)).body);
    expect(text).toContain("この月の時間外勤務命令はありません。");
    expect(extractText((await writeBook("attendance", "pdf", empty)).body)).toContain(
      "対象の職員はいません。",
    );
  });
});

describe("writeBook as Excel", () => {
  it("names the workbook by book, department and month", async () => {
    const file = await writeBook("overtimeOrders", "xlsx", createMonthReport());
    expect(file.fileName).toBe("overtime-orders-010-2026-10.xlsx");
    expect(file.contentType).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(file.body.subarray(0, 2).toString("latin1")).toBe("PK");
  });
});
