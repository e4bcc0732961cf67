import { z } from "zod";
import { idSchema } from "./common";

/*
 * お知らせ: what the system tells one person — a request waiting for them or decided, and the morning
 * digest of yesterday's missing punches and unexplained presence. Shown in the app; also e-mailed when
 * the town has set up mail.
 */

export const notificationKinds = [
  "request.toApprove",
  "request.returned",
  "request.approved",
  "request.cancelled",
  "digest.missingPunch",
  "digest.divergence",
] as const;
export const notificationKindSchema = z.enum(notificationKinds);
export type NotificationKind = z.infer<typeof notificationKindSchema>;

export const notificationSchema = z.object({
  id: z.number().int(),
  kind: notificationKindSchema,
  title: z.string(),
  body: z.string(),
  /** A path in the web app to open (`/requests/12`), when there is one. */
  link: z.string().nullable(),
  requestId: z.number().int().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type NotificationDto = z.infer<typeof notificationSchema>;

export const notificationListQuerySchema = z.object({
  /** Only the unread ones. */
  unread: z
    .enum(["true", "false"])
    .optional()
    .transform((value) => value === "true"),
});

/** The latest notifications (at most 50, newest first) and how many are unread in all. */
export const notificationListSchema = z.object({
  items: z.array(notificationSchema),
  unreadCount: z.number().int(),
});
export type NotificationListDto = z.infer<typeof notificationListSchema>;

export const notificationParamsSchema = z.object({ id: idSchema });

export const notificationsReadSchema = z.object({
  /** How many were marked read by this call. */
  marked: z.number().int(),
  unreadCount: z.number().int(),
});
