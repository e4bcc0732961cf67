import { describe, expect, it } from "vitest";
import { ApiError } from "../../api/client";
import { proxyProblemsFromServer } from "./proxy-server-problems";

describe("proxyProblemsFromServer", () => {
  it("places an overlap on the start date and leaves no issue for the summary", () => {
    const error = new ApiError("conflict", "from overlaps.", 409, [
      { path: "from", message: "overlaps a period already named for the same two people" },
    ]);
    const { fields, rest } = proxyProblemsFromServer(error);
    expect(fields).toEqual({ from: { code: "overlap" } });
    expect(rest).toBeInstanceOf(ApiError);
    expect(rest instanceof ApiError ? rest.issues : null).toEqual([]);
  });

  it("recognises the server's own checks and keeps other words as they are", () => {
    const error = new ApiError("validation_failed", "invalid", 422, [
      { path: "proxyStaffId", message: "must be someone other than the approver" },
      { path: "/body/to", message: "must not come before from" },
      { path: "approverStaffId", message: "is not a staff member" },
      { path: "reason", message: "is odd" },
    ]);
    const { fields, rest } = proxyProblemsFromServer(error);
    expect(fields).toEqual({
      proxy: { code: "sameAsApprover" },
      to: { code: "toBeforeFrom" },
      approver: { code: "other", message: "is not a staff member" },
    });
    expect(rest instanceof ApiError ? rest.issues : null).toEqual([{ path: "reason", message: "is odd" }]);
  });

  it("leaves a failure that is not the server's answer to the summary", () => {
    const failure = new Error("offline");
    expect(proxyProblemsFromServer(failure)).toEqual({ fields: {}, rest: failure });
    expect(proxyProblemsFromServer(null)).toEqual({ fields: {}, rest: null });
  });
});
