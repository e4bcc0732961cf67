import { describe, expect, it } from "vitest";
import {
  encodeOid,
  encodePrintableString,
  encodeSequence,
  encodeSet,
  encodeUtf8String,
  readSingleTlv,
} from "../der/index";
import { encodeName, isSameName, readName } from "./name";

function readNameDer(der: Uint8Array) {
  return readName(readSingleTlv(der));
}

describe("names", () => {
  it("prints attributes in certificate order, escaping separators and joining a multi-valued RDN with +", () => {
    const der = encodeSequence([
      encodeSet([encodeSequence([encodeOid("2.5.4.6"), encodePrintableString("JP")])]),
      encodeSet([
        encodeSequence([encodeOid("2.5.4.11"), encodeUtf8String("総務課")]),
        encodeSequence([encodeOid("2.5.4.3"), encodeUtf8String("Suzuki, Hanako")]),
      ]),
      encodeSet([encodeSequence([encodeOid("1.2.3.4"), encodePrintableString("x")])]),
    ]);
    const name = readNameDer(der);
    expect(name.text).toBe("C=JP, OU=総務課+CN=Suzuki\\, Hanako, 1.2.3.4=x");
    expect(name.attributes).toEqual([
      { oid: "2.5.4.6", name: "C", value: "JP" },
      { oid: "2.5.4.11", name: "OU", value: "総務課" },
      { oid: "2.5.4.3", name: "CN", value: "Suzuki, Hanako" },
      { oid: "1.2.3.4", name: "1.2.3.4", value: "x" },
    ]);
  });

  it("shows a value of a non-string type as # and hex", () => {
    const der = encodeSequence([encodeSet([encodeSequence([encodeOid("2.5.4.3"), encodeOid("1.2")])])]);
    expect(readNameDer(der).text).toBe("CN=#06012a");
  });

  it("matches names that differ only in string type, case or spacing", () => {
    const printable = readNameDer(
      encodeName([
        { name: "O", value: "JPKI" },
        { name: "OU", value: "Test  Unit" },
      ]),
    );
    const utf8 = readNameDer(
      encodeSequence([
        encodeSet([encodeSequence([encodeOid("2.5.4.10"), encodeUtf8String("jpki")])]),
        encodeSet([encodeSequence([encodeOid("2.5.4.11"), encodeUtf8String(" test unit ")])]),
      ]),
    );
    expect(isSameName(printable, utf8)).toBe(true);
    expect(isSameName(printable, readNameDer(encodeName([{ name: "O", value: "JPKI" }])))).toBe(false);
    expect(
      isSameName(
        printable,
        readNameDer(
          encodeName([
            { name: "OU", value: "Test Unit" },
            { name: "O", value: "JPKI" },
          ]),
        ),
      ),
    ).toBe(false);
  });

  it("copies a parsed name byte for byte", () => {
    const name = readNameDer(encodeName([{ name: "CN", value: "x" }]));
    expect(encodeName(name)).toBe(name.der);
  });
});
