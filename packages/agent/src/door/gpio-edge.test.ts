import { describe, expect, it } from "vitest";
import { parseGpioEdge } from "./gpio-edge";

describe("parseGpioEdge", () => {
  it("reads gpiomon's custom format line", () => {
    expect(parseGpioEdge("1 17 1764230400 123456789\n")).toEqual({
      rising: true,
      line: 17,
      seconds: 1764230400,
      nanoseconds: 123456789,
    });
    expect(parseGpioEdge("0 4 12 0")?.rising).toBe(false);
  });

  it.each(["", "event:  RISING EDGE offset: 17 timestamp: [1.2]", "2 17 1 1", "1 x 1 1", "1 17 1"])(
    "ignores %j",
    (text) => {
      expect(parseGpioEdge(text)).toBeNull();
    },
  );
});
