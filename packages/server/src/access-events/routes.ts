import {
  accessAlarmListQuerySchema,
  accessAlarmListSchema,
  accessAlarmSchema,
  accessLogExportQuerySchema,
  accessLogQuerySchema,
  accessLogSchema,
  acknowledgeAlarmSchema,
  auditVerifyRequestSchema,
  auditVerifyResultSchema,
  idParamsSchema,
  musterSchema,
  occupancySchema,
} from "@tobira/protocol";
import { appendAudit } from "../audit/audit-repository";
import { presentChainVerification } from "../audit/present-chain-verification";
import type { Deps } from "../deps";
import { type Api, signedInUser } from "../http/api";
import { formatContentDisposition } from "../staff-import/content-disposition";
import { verifyAccessEventChain } from "./access-event-chain";
import { listAccessLog } from "./access-log-repository";
import { acknowledgeAlarm } from "./acknowledge-alarm";
import { listAlarms } from "./alarm-repository";
import { exportAccessLog } from "./export-access-log";
import { listOccupants, summariseOccupancy } from "./occupancy";

const tags = ["access-events"];

/** 入退室記録: reader events in, the access log (入退室記録簿), alarms and who is inside out. */
export function registerAccessEventRoutes(api: Api, deps: Deps): void {
  api.post(
    "/api/access/events/verify",
    {
      config: { access: "audit.read" },
      schema: { tags, body: auditVerifyRequestSchema, response: { 200: auditVerifyResultSchema } },
    },
    async (request) => {
      const result = await verifyAccessEventChain(deps.db, { expectedHead: request.body?.head });
      return presentChainVerification(result, "events");
    },
  );

  api.get(
    "/api/access/log",
    {
      config: { access: "access.read" },
      schema: { tags, querystring: accessLogQuerySchema, response: { 200: accessLogSchema } },
    },
    async (request) => ({ items: await listAccessLog(deps.db, request.query) }),
  );

  api.get(
    "/api/access/log/export",
    { config: { access: "access.read" }, schema: { tags, querystring: accessLogExportQuerySchema } },
    async (request, reply) => {
      const file = await exportAccessLog(deps, request.query);
      // Taking the log out of the system is recorded like a change.
      await appendAudit(
        deps.db,
        {
          actor: signedInUser(request).loginId,
          action: "access.logExported",
          targetType: "accessLog",
          targetId: null,
          details: {
            format: request.query.format,
            month: request.query.month,
            areaId: request.query.areaId ?? null,
            fileName: file.fileName,
            rows: file.rows,
          },
        },
        deps.clock.now(),
      );
      return reply
        .header("content-type", file.contentType)
        .header("content-disposition", formatContentDisposition(file.fileName))
        .header("cache-control", "no-store")
        .send(file.body);
    },
  );

  api.get(
    "/api/access/alarms",
    {
      config: { access: "access.read" },
      schema: { tags, querystring: accessAlarmListQuerySchema, response: { 200: accessAlarmListSchema } },
    },
    async (request) => ({ items: await listAlarms(deps.db, request.query.open) }),
  );

  api.post(
    "/api/access/alarms/:id/acknowledge",
    {
      config: { access: "access.manage" },
      schema: {
        tags,
        params: idParamsSchema,
        body: acknowledgeAlarmSchema,
        response: { 200: accessAlarmSchema },
      },
    },
    async (request) =>
      acknowledgeAlarm(deps, signedInUser(request).loginId, request.params.id, request.body.comment),
  );

  api.get(
    "/api/access/occupancy",
    { config: { access: "access.read" }, schema: { tags, response: { 200: occupancySchema } } },
    async () => summariseOccupancy(deps.db),
  );

  api.get(
    "/api/access/muster",
    { config: { access: "access.read" }, schema: { tags, response: { 200: musterSchema } } },
    async () => {
      const items = await listOccupants(deps.db);
      return { count: items.length, items };
    },
  );
}
