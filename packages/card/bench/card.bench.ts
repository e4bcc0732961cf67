// Card figures, per assurance level, on in-process virtual cards: APDUs and bytes per tap, and the
// software time of a tap (reader side and card simulation together). Real readers add their own
// radio and USB time per APDU, which is why the APDU count matters most.
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import { exchangeOk } from "../src/apdu/exchange";
import { identifyJpkiCard, readUserAuthCertificate, selectJpkiApplication } from "../src/jpki/jpki-client";
import { identifyCard } from "../src/profiles/identify-card";
import { proveJpkiCardholder } from "../src/profiles/jpki-profile";
import {
  authenticateStaffCard,
  createStaffCardChallenge,
  personaliseStaffCard,
} from "../src/staff-card/index";
import { countExchanges, type ExchangeCount } from "../src/transport/counting-connection";
import { type ApduResponder, connectInProcess } from "../src/transport/in-process";
import type { CardConnection } from "../src/transport/transport";
import { type CardFile, createJpkiCard, createVirtualCard } from "../src/virtual/index";
import { createTestJpkiCa, parseCertificate } from "../src/x509/index";

interface Figures {
  count: ExchangeCount;
  medianMs: number;
}

/** Runs `task` on a fresh counted connection `runs` times; APDU counts come from the last run. */
async function measure(
  card: ApduResponder,
  runs: number,
  task: (connection: CardConnection) => Promise<unknown>,
): Promise<Figures> {
  const times: number[] = [];
  let count: ExchangeCount = { apdus: 0, bytesSent: 0, bytesReceived: 0 };
  for (let i = 0; i < runs; i++) {
    const counted = countExchanges(connectInProcess(card));
    const start = performance.now();
    await task(counted.connection);
    times.push(performance.now() - start);
    count = counted.count;
  }
  times.sort((a, b) => a - b);
  return { count, medianMs: times[Math.floor(times.length / 2)] ?? Number.NaN };
}

function print(name: string, figures: Figures): void {
  const { apdus, bytesSent, bytesReceived } = figures.count;
  console.log(
    `${name.padEnd(46)} ${String(apdus).padStart(3)} APDUs ${String(bytesSent).padStart(5)} B sent ${String(bytesReceived).padStart(6)} B received ${figures.medianMs.toFixed(3).padStart(8)} ms/tap (median)`,
  );
}

/** Reads the certificate as OpenSC's JPKI driver does: a 4-byte length probe, then 256-byte blocks. */
async function readCertificateLikeOpenSc(connection: CardConnection): Promise<number> {
  await selectJpkiApplication(connection);
  await exchangeOk(
    connection,
    { cla: 0, ins: 0xa4, p1: 2, p2: 0x0c, data: Uint8Array.of(0, 0x0a) },
    "SELECT EF",
  );
  const head = await exchangeOk(connection, { cla: 0, ins: 0xb0, p1: 0, p2: 0, le: 4 }, "READ length");
  const total = (((head[2] ?? 0) << 8) | (head[3] ?? 0)) + 4;
  let read = 0;
  while (read < total) {
    const block = await exchangeOk(
      connection,
      { cla: 0, ins: 0xb0, p1: read >> 8, p2: read & 0xff, le: 256 },
      "READ",
    );
    read += block.length;
  }
  return read;
}

const now = new Date();
const ca = createTestJpkiCa({ now });
const jpkiFile = createJpkiCard({ pin: "1234", ca, now });
const jpki = createVirtualCard(jpkiFile);
const enrolledPublicKey = parseCertificate(
  Buffer.from(jpkiFile.userAuthCertificate, "base64"),
).subjectPublicKeyInfo;

let staffFile: CardFile = { kind: "staff-card", personalised: false };
const blank = createVirtualCard(staffFile, {
  onChange: (next) => {
    staffFile = next;
  },
});
const staffIdentity = await personaliseStaffCard(connectInProcess(blank), {
  cardId: randomBytes(16).toString("hex"),
});
const staffCard = createVirtualCard(staffFile);
const felica = createVirtualCard({ kind: "uid", technology: "felica", uid: "0123456789abcdef" });

const runs = 500;
const certificateLength = Buffer.from(jpkiFile.userAuthCertificate, "base64").length;
console.log(
  `in-process virtual cards, ${runs} runs each; user-auth certificate of ${certificateLength} bytes`,
);

print("tap: My Number Card (JPKI first block)", await measure(jpki, runs, identifyJpkiCard));
print(
  "tap: FeliCa UID (after the JPKI and staff-card checks)",
  await measure(felica, runs, (c) => identifyCard(c)),
);
print(
  "tap + proof: staff card (identify + ECDSA P-256)",
  await measure(staffCard, runs, async (connection) => {
    const identity = await identifyCard(connection);
    if (identity?.kind !== "staffCard") throw new Error("not the staff card");
    const ok = await authenticateStaffCard(connection, {
      cardId: identity.cardId,
      challenge: createStaffCardChallenge(),
      expectedPublicKey: staffIdentity.publicKey,
    });
    if (!ok) throw new Error("staff card proof failed");
  }),
);
print(
  "card + PIN: My Number Card (tap + VERIFY + RSA sign)",
  await measure(jpki, Math.min(runs, 200), async (connection) => {
    await identifyJpkiCard(connection);
    const ok = await proveJpkiCardholder(connection, {
      pin: "1234",
      challenge: randomBytes(32),
      enrolledPublicKey,
    });
    if (!ok) throw new Error("JPKI proof failed");
  }),
);
const ours = await measure(jpki, runs, readUserAuthCertificate);
const openSc = await measure(jpki, runs, readCertificateLikeOpenSc);
print("full certificate: first block gives the length", ours);
print("full certificate: as OpenSC (4-byte probe)", openSc);
console.log(
  `full certificate: APDUs ours ÷ OpenSC's way ${(ours.count.apdus / openSc.count.apdus).toFixed(2)} ×, time ${(ours.medianMs / openSc.medianMs).toFixed(2)} ×`,
);
