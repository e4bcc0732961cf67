import type { NotificationNote } from "./notify";

const subjectPrefix = "【扉 Tobira】";

/** The e-mail copy of a notice: its title's first line as the subject, the notice and where to see it. */
export function composeMail(note: Pick<NotificationNote, "title" | "body" | "link">): {
  subject: string;
  text: string;
} {
  const firstLine = note.title.split("\n")[0] ?? note.title;
  const where = note.link
    ? `扉 Tobira の ${note.link} でご確認ください。\nSee ${note.link} in Tobira.`
    : "扉 Tobira のお知らせでご確認ください。\nSee your notifications in Tobira.";
  const footer = "このメールは送信専用です。/ This message was sent automatically; replies are not read.";
  return {
    subject: `${subjectPrefix}${firstLine}`.slice(0, 200),
    text: `${note.title}\n\n${note.body}\n\n${where}\n\n--\n${footer}\n`,
  };
}
