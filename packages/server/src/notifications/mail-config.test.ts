import { describe, expect, it } from "vitest";
import { isMailConfigured, loadConfig } from "../config";

describe("the notification settings", () => {
  it("sends no e-mail and sends the digest at 07:30 unless told otherwise", () => {
    const config = loadConfig({});
    expect(isMailConfigured(config)).toBe(false);
    expect(config.digestTime).toBe("07:30");
  });

  it("sends e-mail once both the SMTP server and the From address are set", () => {
    const config = loadConfig({
      TOBIRA_SMTP_URL: "smtps://tobira:secret@mail.town.example.jp:465",
      TOBIRA_MAIL_FROM: "扉 Tobira <tobira@town.example.jp>",
      TOBIRA_DIGEST_TIME: "08:05",
    });
    expect(isMailConfigured(config)).toBe(true);
    expect(config.digestTime).toBe("08:05");
  });

  it("names the missing half of a mail setup", () => {
    expect(() => loadConfig({ TOBIRA_SMTP_URL: "smtp://mail.town.example.jp:587" })).toThrow(
      /TOBIRA_MAIL_FROM: must be set when TOBIRA_SMTP_URL is/,
    );
    expect(() => loadConfig({ TOBIRA_MAIL_FROM: "tobira@town.example.jp" })).toThrow(
      /TOBIRA_SMTP_URL: must be set when TOBIRA_MAIL_FROM is/,
    );
  });

  it("names every bad mail variable in one error without repeating the SMTP password", () => {
    let message = "";
    try {
      loadConfig({
        TOBIRA_SMTP_URL: "https://tobira:hunter2@mail.town.example.jp",
        TOBIRA_MAIL_FROM: "not an address",
        TOBIRA_DIGEST_TIME: "7:30",
      });
    } catch (error) {
      message = error instanceof Error ? error.message : String(error);
    }
    expect(message).toMatch(/TOBIRA_SMTP_URL: must be smtp:/);
    expect(message).toMatch(/TOBIRA_MAIL_FROM: must be an e-mail address/);
    expect(message).toMatch(/TOBIRA_DIGEST_TIME: must be a time of day/);
    expect(message).not.toContain("hunter2");
  });
});
