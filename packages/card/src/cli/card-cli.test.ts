import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readUserAuthCertificate } from "../jpki/jpki-client";
import { identifyCard } from "../profiles/identify-card";
import { connectInProcess } from "../transport/in-process";
import { loadCard, openVirtualCard } from "../virtual/index";
import { createTestJpkiCa } from "../x509/index";
import { runCardCommand, validateCardCertificate } from "./card-cli";
import { loadTestCa } from "./test-ca-file";

describe("tobira card virtual …", () => {
  const dir = mkdtempSync(join(tmpdir(), "tobira-card-cli-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function run(...args: string[]): Promise<{ code: number; output: string }> {
    const lines: string[] = [];
    const code = await runCardCommand(args, (line) => lines.push(line));
    return { code, output: lines.join("\n") };
  }

  it("makes a test CA, a JPKI card from it, a personalised staff card and a UID card, each a file", async () => {
    const ca = join(dir, "ca.json");
    expect((await run("virtual", "create-ca", "--out", ca)).code).toBe(0);
    expect(
      (await run("virtual", "create", "jpki", "--ca", ca, "--pin", "9876", "--out", join(dir, "jpki.json")))
        .code,
    ).toBe(0);
    expect((await run("virtual", "create", "staff-card", "--out", join(dir, "staff.json"))).code).toBe(0);
    expect(
      (await run("virtual", "create", "uid", "--technology", "mifare", "--out", join(dir, "uid.json"))).code,
    ).toBe(0);

    expect(await loadCard(join(dir, "jpki.json"))).toMatchObject({
      kind: "jpki",
      pin: "9876",
      pinTriesLeft: 3,
    });
    const staff = await identifyCard(connectInProcess(await openVirtualCard(join(dir, "staff.json"))));
    expect(staff?.kind).toBe("staffCard");
    const uid = await identifyCard(connectInProcess(await openVirtualCard(join(dir, "uid.json"))));
    expect(uid).toMatchObject({ kind: "uid", uid: expect.stringMatching(/^[0-9a-f]{14}$/) });

    const jpki = connectInProcess(await openVirtualCard(join(dir, "jpki.json")));
    const anchors = [(await loadTestCa(ca)).certificate];
    expect(await validateCardCertificate(jpki, { anchors })).toBe("OK");
    const stranger = createTestJpkiCa({ now: new Date() });
    expect(await validateCardCertificate(jpki, { anchors: [stranger.certificate] })).toMatch(
      /^bad_signature|^unknown_issuer/,
    );
    expect((await readUserAuthCertificate(jpki)).length).toBeGreaterThan(500);
  });

  it("says what is missing instead of guessing", async () => {
    expect(await run("virtual", "create", "jpki", "--out", join(dir, "x.json"))).toEqual({
      code: 2,
      output: "--ca FILE が必要です / --ca FILE is required",
    });
    expect((await run("virtual", "create", "floppy", "--out", join(dir, "y.json"))).code).toBe(2);
    expect((await run("nonsense")).code).toBe(2);
  });
});
