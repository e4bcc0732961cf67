import { describe, expect, it } from "vitest";
import { composeMail } from "./compose-mail";
import { describeSmtpServer, redactSmtpSecret } from "./smtp-transport";

describe("what the mail code may say about the SMTP server", () => {
  const url = "smtps://tobira%40town:p%40ss%2Fword@mail.town.example.jp:465";

  it("names the server by scheme, host and port only", () => {
    expect(describeSmtpServer(url)).toBe("smtps://mail.town.example.jp:465");
  });

  it("blanks the password out of an error, written plain or URL-encoded", () => {
    expect(redactSmtpSecret("login p@ss/word refused; url had p%40ss%2Fword", url)).toBe(
      "login *** refused; url had ***",
    );
  });
});

describe("composeMail", () => {
  it("takes the Japanese first line of the title as the subject and points to the page", () => {
    const mail = composeMail({
      title: "打刻漏れがあります（11月26日（木））\nMissing punch on 2026-11-26",
      body: "退勤の打刻がありません。",
      link: "/attendance/me",
    });
    expect(mail.subject).toBe("【扉 Tobira】打刻漏れがあります（11月26日（木））");
    expect(mail.text).toContain("Missing punch on 2026-11-26");
    expect(mail.text).toContain("退勤の打刻がありません。");
    expect(mail.text).toContain("/attendance/me");
  });
});
