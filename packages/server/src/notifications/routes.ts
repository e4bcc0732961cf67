import {
  notificationListQuerySchema,
  notificationListSchema,
  notificationParamsSchema,
  notificationsReadSchema,
} from "@tobira/protocol";
import type { Deps } from "../deps";
import { notFound } from "../errors";
import { type Api, signedInUser } from "../http/api";
import {
  countUnreadNotifications,
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
} from "./notification-repository";

const tags = ["notifications"];

// Everyone reads only their own notifications; an account without a staff record has none.
export function registerNotificationRoutes(api: Api, deps: Deps): void {
  api.get(
    "/api/notifications",
    {
      config: { access: "signedIn" },
      schema: { tags, querystring: notificationListQuerySchema, response: { 200: notificationListSchema } },
    },
    async (request) => {
      const { staffId } = signedInUser(request);
      if (staffId === null) return { items: [], unreadCount: 0 };
      const [items, unreadCount] = await Promise.all([
        listNotifications(deps.db, staffId, { unreadOnly: request.query.unread }),
        countUnreadNotifications(deps.db, staffId),
      ]);
      return { items, unreadCount };
    },
  );

  api.post(
    "/api/notifications/:id/read",
    {
      config: { access: "signedIn" },
      schema: { tags, params: notificationParamsSchema, response: { 200: notificationsReadSchema } },
    },
    async (request) => {
      const { staffId } = signedInUser(request);
      if (staffId === null) throw notFound(`Notification ${request.params.id}`);
      const { found, marked } = await markNotificationRead(
        deps.db,
        staffId,
        request.params.id,
        deps.clock.now(),
      );
      if (!found) throw notFound(`Notification ${request.params.id}`);
      return { marked, unreadCount: await countUnreadNotifications(deps.db, staffId) };
    },
  );

  api.post(
    "/api/notifications/read-all",
    { config: { access: "signedIn" }, schema: { tags, response: { 200: notificationsReadSchema } } },
    async (request) => {
      const { staffId } = signedInUser(request);
      if (staffId === null) return { marked: 0, unreadCount: 0 };
      const marked = await markAllNotificationsRead(deps.db, staffId, deps.clock.now());
      return { marked, unreadCount: 0 };
    },
  );
}
