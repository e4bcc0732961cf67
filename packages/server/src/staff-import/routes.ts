import {
  staffExportQuerySchema,
  staffImportPreviewSchema,
  staffImportRequestSchema,
  staffImportResultSchema,
} from "@tobira/protocol";
import { appendAudit } from "../audit/audit-repository";
import type { Deps } from "../deps";
import { type Api, signedInUser } from "../http/api";
import { formatContentDisposition } from "./content-disposition";
import { exportStaff } from "./export-staff";
import { applyStaffImport, previewStaffImport } from "./staff-import-use-cases";

export function registerStaffImportRoutes(api: Api, deps: Deps): void {
  const tags = ["staff import"];

  api.post(
    "/api/staff-import/preview",
    {
      config: { access: "staff.import" },
      schema: { tags, body: staffImportRequestSchema, response: { 200: staffImportPreviewSchema } },
    },
    async (request) => previewStaffImport(deps, request.body),
  );

  api.post(
    "/api/staff-import/apply",
    {
      config: { access: "staff.import" },
      schema: { tags, body: staffImportRequestSchema, response: { 200: staffImportResultSchema } },
    },
    async (request) => applyStaffImport(deps, signedInUser(request).loginId, request.body),
  );

  api.get(
    "/api/staff-export",
    { config: { access: "staff.export" }, schema: { tags, querystring: staffExportQuerySchema } },
    async (request, reply) => {
      const file = await exportStaff(deps, request.query);
      // Taking the whole staff master out of the system is recorded like a change.
      await appendAudit(
        deps.db,
        {
          actor: signedInUser(request).loginId,
          action: "staff.exported",
          targetType: "staff",
          targetId: null,
          details: {
            format: request.query.format,
            encoding: request.query.encoding,
            fileName: file.fileName,
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
}
