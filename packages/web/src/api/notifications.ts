import { type NotificationListDto, notificationListSchema, notificationsReadSchema } from "@tobira/protocol";
import { request } from "./client";

/** お知らせ: mine, newest first, and marking them read. */

export type NotificationsRead = ReturnType<typeof notificationsReadSchema.parse>;

export function listNotifications(unreadOnly: boolean, signal?: AbortSignal): Promise<NotificationListDto> {
  return request("GET", "/api/notifications", {
    parser: notificationListSchema,
    query: { unread: unreadOnly ? "true" : undefined },
    signal,
  });
}

export function markNotificationRead(id: number): Promise<NotificationsRead> {
  return request("POST", `/api/notifications/${id}/read`, { parser: notificationsReadSchema });
}

export function markAllNotificationsRead(): Promise<NotificationsRead> {
  return request("POST", "/api/notifications/read-all", { parser: notificationsReadSchema });
}
