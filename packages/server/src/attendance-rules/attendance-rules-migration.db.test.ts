import { defaultWorkRules } from "@tobira/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestStore, dialects } from "../../test/databases";
import type { Store } from "../db/database";
import { migrateTo } from "../db/migrate";
import { listRuleVersions } from "./rule-version-repository";
import { listCoreWorkPatterns } from "./work-pattern-repository";

const migration = "2026-11-27-0009-attendance-rules";
const before = "2026-11-27-0008-agents";

for (const dialect of dialects) {
  describe(`the attendance rules migration [${dialect}]`, () => {
    let store: Store;

    beforeAll(async () => {
      store = await createTestStore(dialect, migration);
    });
    afterAll(() => store.close());

    it("seeds the default rules from 1989-04-01 and the standard pattern in minutes, as core reads them", async () => {
      const versions = await listRuleVersions(store.db);
      expect(versions.map((v) => [v.effectiveFrom, v.createdBy])).toEqual([["1989-04-01", "system"]]);
      expect(versions[0]?.rules).toEqual(defaultWorkRules);
      const patterns = await listCoreWorkPatterns(store.db);
      expect(patterns).toHaveLength(1);
      expect(patterns[0]?.name).toBe("通常勤務 8:30–17:15");
      expect(Object.keys(patterns[0]?.days ?? {})).toEqual(["1", "2", "3", "4", "5"]);
      expect(patterns[0]?.days[1]).toEqual({ start: 510, end: 1035, breaks: [{ start: 720, end: 780 }] });
      expect(patterns[0]?.days[0]).toBeUndefined();
    });

    it("rolls back without a trace and seeds the defaults once when applied again", async () => {
      expect(await migrateTo(store.db, before)).toEqual([migration]);
      const tables = (await store.db.introspection.getTables()).map((t) => t.name);
      expect(tables).not.toContain("attendance_rule_version");
      expect(tables).not.toContain("work_pattern");
      await migrateTo(store.db, migration);
      expect(await listRuleVersions(store.db)).toHaveLength(1);
      expect(await listCoreWorkPatterns(store.db)).toHaveLength(1);
    });
  });
}
