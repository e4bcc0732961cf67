import { describe, expect, it } from "vitest";
import { generateWebhookSecret, signWebhookBody, verifyWebhookSignature } from "./webhook-signature";

const secret = "whsec_test-secret";
const body = JSON.stringify({ id: "7d3c5e0a-1111-4222-8333-444455556666", type: "month.closed", data: {} });
const sentAt = new Date("2026-11-05T00:00:00Z");

describe("webhook signatures", () => {
  it("signs t and an HMAC-SHA256 of '<t>.<body>' that the receiver can check", () => {
    const header = signWebhookBody(secret, body, sentAt);
    expect(header).toMatch(/^t=1793836800,v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(secret, body, header, sentAt)).toBe(true);
  });

  it("fails with another secret, another body or a tampered time", () => {
    const header = signWebhookBody(secret, body, sentAt);
    expect(verifyWebhookSignature("whsec_other", body, header, sentAt)).toBe(false);
    expect(verifyWebhookSignature(secret, `${body} `, header, sentAt)).toBe(false);
    expect(verifyWebhookSignature(secret, body, header.replace("t=1793836800", "t=1793836801"), sentAt)).toBe(
      false,
    );
    expect(verifyWebhookSignature(secret, body, "v1=abc", sentAt)).toBe(false);
  });

  it("refuses a delivery replayed more than five minutes later", () => {
    const header = signWebhookBody(secret, body, sentAt);
    expect(verifyWebhookSignature(secret, body, header, new Date(sentAt.getTime() + 299_000))).toBe(true);
    expect(verifyWebhookSignature(secret, body, header, new Date(sentAt.getTime() + 301_000))).toBe(false);
  });

  it("makes a different secret each time", () => {
    expect(generateWebhookSecret()).not.toBe(generateWebhookSecret());
    expect(generateWebhookSecret()).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
  });
});
