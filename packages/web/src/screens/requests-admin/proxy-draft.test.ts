import { describe, expect, it } from "vitest";
import {
  checkProxyDraft,
  emptyProxyDraft,
  type ProxyDraft,
  toProxyInput,
  visibleProxyProblems,
} from "./proxy-draft";

const head = { id: 10, name: "会計 課長" };
const deputy = { id: 11, name: "会計 係長" };
const complete: ProxyDraft = { approver: head, proxy: deputy, from: "2026-12-07", to: "2026-12-11" };

describe("checkProxyDraft", () => {
  it.each<[string, Partial<ProxyDraft>, ReturnType<typeof checkProxyDraft>]>([
    ["a complete week", {}, {}],
    ["a single day", { to: "2026-12-07" }, {}],
    [
      "the approver as their own proxy",
      { proxy: { id: 10, name: "会計 課長" } },
      { proxy: "sameAsApprover" },
    ],
    ["an end before the start", { to: "2026-12-06" }, { to: "toBeforeFrom" }],
    ["nobody picked", { approver: null, proxy: null }, { approver: "missing", proxy: "missing" }],
    ["no dates", { from: "", to: "" }, { from: "missing", to: "missing" }],
    ["an end without a start", { from: "" }, { from: "missing" }],
  ])("%s", (_name, change, expected) => {
    expect(checkProxyDraft({ ...complete, ...change })).toEqual(expected);
  });
});

describe("visibleProxyProblems", () => {
  it("keeps an untouched form quiet until they try to save", () => {
    const problems = checkProxyDraft(emptyProxyDraft);
    expect(visibleProxyProblems(problems, false)).toEqual({});
    expect(visibleProxyProblems(problems, true)).toEqual({
      approver: "missing",
      proxy: "missing",
      from: "missing",
      to: "missing",
    });
  });

  it("says at once that the proxy is the approver or the dates are reversed", () => {
    const draft = { ...complete, approver: null, proxy: deputy, from: "2026-12-07", to: "2026-12-01" };
    expect(visibleProxyProblems(checkProxyDraft(draft), false)).toEqual({ to: "toBeforeFrom" });
    const same = { ...complete, proxy: head };
    expect(visibleProxyProblems(checkProxyDraft(same), false)).toEqual({ proxy: "sameAsApprover" });
  });
});

describe("toProxyInput", () => {
  it("sends the two staff ids and the period", () => {
    expect(toProxyInput(complete)).toEqual({
      approverStaffId: 10,
      proxyStaffId: 11,
      from: "2026-12-07",
      to: "2026-12-11",
    });
  });

  it("sends nothing while a problem remains", () => {
    expect(toProxyInput({ ...complete, proxy: head })).toBeNull();
    expect(toProxyInput({ ...complete, to: "" })).toBeNull();
  });
});
