import { requestStatuses } from "@tobira/protocol";
import { describe, expect, it } from "vitest";
import { en } from "../../i18n/en";
import { ja } from "../../i18n/ja";
import { isRequestKind, statusKey, statusTone } from "./request-labels";

describe("request labels", () => {
  it("names every status in Japanese as the forms do", () => {
    expect(requestStatuses.map((status) => ja[statusKey(status) ?? "request.allStatuses"])).toEqual([
      "承認待ち",
      "差戻し",
      "承認済み",
      "取下げ",
      "取消申請中",
      "取消済み",
    ]);
    for (const status of requestStatuses)
      expect(en[statusKey(status) ?? "request.allStatuses"]).not.toBe("All");
  });

  it("has no label for a status it does not know", () => {
    expect(statusKey("archived")).toBeNull();
  });

  it("makes waiting requests stand out and settled ones quiet", () => {
    expect(statusTone("pending")).toBe("waiting");
    expect(statusTone("cancelPending")).toBe("waiting");
    expect(statusTone("returned")).toBe("returned");
    expect(statusTone("withdrawn")).toBe("closed");
  });

  it("accepts only the request kinds of the protocol from the address", () => {
    expect(isRequestKind("leave")).toBe(true);
    expect(isRequestKind("divergenceReason")).toBe(false);
    expect(isRequestKind(null)).toBe(false);
  });
});
