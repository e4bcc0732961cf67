import { describe, expect, it } from "vitest";
import { isWholePin, type PinKey, type PinTypingStep, typePinKey } from "./pin-typing";

const digit = (value: string): PinKey => ({ kind: "digit", digit: value });

function typeKeys(keys: PinKey[]): PinTypingStep {
  let step: PinTypingStep = { kind: "typing", digits: "" };
  for (const key of keys) {
    if (step.kind !== "typing") return step;
    step = typePinKey(step.digits, key);
  }
  return step;
}

describe("typePinKey", () => {
  it("enters four digits on enter", () => {
    expect(typeKeys([digit("1"), digit("2"), digit("3"), digit("4"), { kind: "enter" }])).toEqual({
      kind: "entered",
      pin: "1234",
    });
  });

  it("ignores enter before the fourth digit", () => {
    expect(typeKeys([digit("1"), digit("2"), { kind: "enter" }])).toEqual({ kind: "typing", digits: "12" });
  });

  it("ignores digits after the fourth", () => {
    expect(typeKeys([digit("1"), digit("2"), digit("3"), digit("4"), digit("5"), { kind: "enter" }])).toEqual(
      {
        kind: "entered",
        pin: "1234",
      },
    );
  });

  it("takes back the last digit on backspace", () => {
    expect(
      typeKeys([
        digit("1"),
        digit("2"),
        { kind: "backspace" },
        digit("9"),
        digit("8"),
        digit("7"),
        { kind: "enter" },
      ]),
    ).toEqual({ kind: "entered", pin: "1987" });
    expect(typeKeys([{ kind: "backspace" }])).toEqual({ kind: "typing", digits: "" });
  });

  it("cancels on escape", () => {
    expect(typeKeys([digit("1"), { kind: "cancel" }, digit("2")])).toEqual({ kind: "cancelled" });
  });
});

describe("isWholePin", () => {
  it.each([
    ["1234", true],
    ["0000", true],
    ["123", false],
    ["12345", false],
    ["12a4", false],
    ["１２３４", false],
  ])("%s → %s", (value, whole) => {
    expect(isWholePin(value)).toBe(whole);
  });
});
