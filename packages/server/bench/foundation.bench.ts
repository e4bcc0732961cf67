// Foundation figures: importing 40,000 staff rows and verifying a 1,000,000-entry audit chain, on SQLite.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GENESIS_HASH, linkAuditEntry } from "@tobira/core";
import { verifyAuditLog } from "../src/audit/audit-repository";
import { fixedClock } from "../src/clock";
import { loadConfig } from "../src/config";
import { openStore, type Store } from "../src/db/database";
import { migrateToLatest } from "../src/db/migrate";
import type { Deps } from "../src/deps";
import { insertDepartment } from "../src/org/department-repository";
import { insertPosition } from "../src/org/position-repository";
import { applyStaffImport, previewStaffImport } from "../src/staff-import/staff-import-use-cases";
import { measure, peakRssMiB, printFigure } from "./measure";

const staffRows = 40_000;
const auditEntries = 1_000_000;

async function withSqlite<T>(run: (store: Store) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), "tobira-bench-"));
  const store = openStore({ sqlitePath: join(dir, "tobira.db") });
  try {
    await migrateToLatest(store.db);
    return await run(store);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function staffCsv(rows: number): string {
  const lines = ["職員番号,氏,名,氏カナ,名カナ,所属コード,職コード,雇用区分,採用日,退職日,メール,電話"];
  for (let i = 0; i < rows; i++) {
    const section = 110 + (i % 20) * 10;
    lines.push(
      `${100000 + i},山田,太郎${i % 97},ヤマダ,タロウ,${section},${i % 7 === 0 ? 90 : 70},${i % 7 === 0 ? "会計年度任用職員" : "正規"},2020-04-01,,,0879-82-${String(i % 10000).padStart(4, "0")}`,
    );
  }
  return `${lines.join("\r\n")}\r\n`;
}

async function benchImport(): Promise<void> {
  await withSqlite(async (store) => {
    const deps: Deps = {
      db: store.db,
      dialect: store.dialect,
      clock: fixedClock("2026-04-01T00:00:00Z"),
      config: loadConfig({}),
    };
    const root = await insertDepartment(store.db, {
      code: "100",
      name: "総務部",
      kind: "department",
      parentId: null,
      validFrom: "2019-04-01",
      validTo: null,
    });
    for (let s = 0; s < 20; s++) {
      await insertDepartment(store.db, {
        code: String(110 + s * 10),
        name: `第${s + 1}課`,
        kind: "section",
        parentId: root.id,
        validFrom: "2019-04-01",
        validTo: null,
      });
    }
    await insertPosition(store.db, { code: "70", name: "主事", rank: 70, isSectionHead: false });
    await insertPosition(store.db, { code: "90", name: "会計年度任用職員", rank: 90, isSectionHead: false });
    const request = {
      contentBase64: Buffer.from(staffCsv(staffRows)).toString("base64"),
      encoding: "auto" as const,
      mapping: {},
      leaversEndDate: null,
      effectiveDate: "2026-04-01",
    };
    const preview = await measure(() => previewStaffImport(deps, request));
    if (preview.result.errors.length > 0)
      throw new Error(`bench CSV has errors: ${preview.result.errors[0]?.message}`);
    const applied = await measure(() => applyStaffImport(deps, "bench", request));
    const again = await measure(() => previewStaffImport(deps, request));
    printFigure(`staff import: preview ${staffRows} new rows`, preview.seconds, "s");
    printFigure("staff import: apply (one transaction)", applied.seconds, "s");
    printFigure("staff import: apply throughput", staffRows / applied.seconds, "rows/s", 0);
    printFigure("staff import: preview again, all unchanged", again.seconds, "s");
    printFigure("staff import: peak heap during apply", applied.peakHeapMiB, "MiB", 1);
    printFigure("staff import: peak heap during preview", preview.peakHeapMiB, "MiB", 1);
  });
}

async function benchAuditChain(): Promise<void> {
  await withSqlite(async (store) => {
    let prevHash = GENESIS_HASH;
    const at = "2026-04-01T00:00:00.000Z";
    const batch = 1000;
    for (let start = 1; start <= auditEntries; start += batch) {
      const rows = [];
      for (let seq = start; seq < start + batch; seq++) {
        const linked = linkAuditEntry(prevHash, {
          seq,
          at,
          actor: "hr01",
          action: "staff.updated",
          targetType: "staff",
          targetId: String(100000 + (seq % 40000)),
          details: { fields: ["phone"] },
        });
        prevHash = linked.hash;
        rows.push({
          seq,
          at,
          actor: linked.actor,
          action: linked.action,
          target_type: linked.targetType,
          target_id: linked.targetId,
          details: JSON.stringify(linked.details),
          prev_hash: linked.prevHash,
          hash: linked.hash,
        });
      }
      await store.db.insertInto("audit_log").values(rows).execute();
    }
    // Baseline: the same paged reads and JSON parsing, without hashing.
    const scan = await measure(async () => {
      let after = 0;
      let n = 0;
      for (;;) {
        const rows = await store.db
          .selectFrom("audit_log")
          .selectAll()
          .where("seq", ">", after)
          .orderBy("seq")
          .limit(10_000)
          .execute();
        for (const row of rows) if (JSON.parse(row.details)) n++;
        const last = rows.at(-1);
        if (!last) break;
        after = last.seq;
      }
      return n;
    });
    const verified = await measure(() => verifyAuditLog(store.db));
    if (!verified.result.ok) throw new Error(`chain broken: ${verified.result.message}`);
    printFigure(`audit chain: verify ${auditEntries} entries`, verified.seconds, "s");
    printFigure("audit chain: verify throughput", auditEntries / verified.seconds, "entries/s", 0);
    printFigure("audit chain: read-only scan of the same rows (baseline)", scan.seconds, "s");
    printFigure("audit chain: verify ÷ baseline scan", verified.seconds / scan.seconds, "×");
    printFigure("audit chain: peak heap during verify", verified.peakHeapMiB, "MiB", 1);
  });
}

await benchImport();
await benchAuditChain();
printFigure("process: peak resident memory", peakRssMiB(), "MiB", 1);
