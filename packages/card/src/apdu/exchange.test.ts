import { describe, expect, it } from "vitest";
import { connectInProcess } from "../transport/in-process";
import { fromHex, toHex } from "./bytes";
import { exchange, exchangeOk } from "./exchange";
import { CardStatusError } from "./status-words";

function connectScriptedCard(answers: Record<string, string>) {
  const seen: string[] = [];
  const card = {
    atr: fromHex("3B E0 00 FF 81 31 FE 45 14"),
    respond(command: Uint8Array): Uint8Array {
      const key = toHex(command);
      seen.push(key);
      return fromHex(answers[key] ?? "6D 00");
    },
  };
  return { connection: connectInProcess(card), seen };
}

describe("exchange", () => {
  it("fetches the rest with GET RESPONSE after 61 xx", async () => {
    const { connection, seen } = connectScriptedCard({
      "80 2A 00 80 01 AA 00": "01 02 61 02",
      "00 C0 00 00 02": "03 04 90 00",
    });
    const response = await exchange(connection, {
      cla: 0x80,
      ins: 0x2a,
      p1: 0,
      p2: 0x80,
      data: fromHex("AA"),
      le: 256,
    });
    expect(response).toEqual({ data: fromHex("01 02 03 04"), sw: 0x9000 });
    expect(seen).toEqual(["80 2A 00 80 01 AA 00", "00 C0 00 00 02"]);
  });

  it("sends again with the Le the card asks for after 6C xx", async () => {
    const { connection, seen } = connectScriptedCard({
      "00 B0 00 00 00": "6C 04",
      "00 B0 00 00 04": "30 82 06 2B 90 00",
    });
    expect(await exchangeOk(connection, { cla: 0, ins: 0xb0, p1: 0, p2: 0, le: 256 }, "READ BINARY")).toEqual(
      fromHex("30 82 06 2B"),
    );
    expect(seen).toHaveLength(2);
  });

  it("gives up on a card that keeps offering more data", async () => {
    const { connection } = connectScriptedCard({ "00 B0 00 00 01": "61 01", "00 C0 00 00 01": "00 61 01" });
    await expect(exchange(connection, { cla: 0, ins: 0xb0, p1: 0, p2: 0, le: 1 })).rejects.toThrow(
      CardStatusError,
    );
  });

  it("turns a status other than 90 00 into a CardStatusError naming the operation", async () => {
    const { connection } = connectScriptedCard({ "00 A4 04 0C 02 D3 92": "6A 82" });
    await expect(
      exchangeOk(connection, { cla: 0, ins: 0xa4, p1: 4, p2: 0x0c, data: fromHex("D3 92") }, "SELECT"),
    ).rejects.toMatchObject({ kind: "not_found", message: "SELECT: application or file not found (6A 82)" });
  });
});
