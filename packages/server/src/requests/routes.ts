import {
  approvalProxyInputSchema,
  approvalProxyListSchema,
  approvalProxySchema,
  bulkApproveInputSchema,
  bulkApproveResultSchema,
  idParamsSchema,
  myRequestsQuerySchema,
  okSchema,
  requestActionSchema,
  requestCheckSchema,
  requestInputSchema,
  requestListSchema,
  requestParamsSchema,
  requestSchema,
  sectionRouteRulesSchema,
} from "@tobira/protocol";
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import type { Deps } from "../deps";
import { type Api, signedInUser } from "../http/api";
import { createApprovalProxy, deleteApprovalProxy, listApprovalProxies } from "./approval-proxies";
import { listInbox, listMyRequests, readRequest } from "./read-requests";
import { actOnRequest, bulkApproveRequests } from "./request-actions";
import type { RequestCaller } from "./request-caller";
import { checkRequest, submitNewRequest } from "./request-entry";
import { readSectionRouteRulesOf, saveSectionRouteRules } from "./section-route-rules";

const tags = ["requests"];
const departmentParamsSchema = z.object({ departmentId: z.coerce.number().int().positive() });

function callerOf(request: FastifyRequest): RequestCaller {
  const user = signedInUser(request);
  return { loginId: user.loginId, staffId: user.staffId, roles: user.roles };
}

export function registerRequestRoutes(api: Api, deps: Deps): void {
  // 庶務事務: everyone signed in applies for themselves and decides what their position lets them.
  api.post(
    "/api/requests/check",
    {
      config: { access: "signedIn" },
      schema: { tags, body: requestInputSchema, response: { 200: requestCheckSchema } },
    },
    async (request) => checkRequest(deps, callerOf(request), request.body),
  );

  api.post(
    "/api/requests",
    {
      config: { access: "signedIn" },
      schema: { tags, body: requestInputSchema, response: { 200: requestSchema } },
    },
    async (request) => submitNewRequest(deps, callerOf(request), request.body),
  );

  api.get(
    "/api/requests/mine",
    {
      config: { access: "signedIn" },
      schema: { tags, querystring: myRequestsQuerySchema, response: { 200: requestListSchema } },
    },
    async (request) => ({ items: await listMyRequests(deps, callerOf(request), request.query.status) }),
  );

  api.get(
    "/api/requests/inbox",
    { config: { access: "signedIn" }, schema: { tags, response: { 200: requestListSchema } } },
    async (request) => ({ items: await listInbox(deps, callerOf(request)) }),
  );

  api.post(
    "/api/requests/bulk-approve",
    {
      config: { access: "signedIn" },
      schema: { tags, body: bulkApproveInputSchema, response: { 200: bulkApproveResultSchema } },
    },
    async (request) => bulkApproveRequests(deps, callerOf(request), request.body.ids),
  );

  api.get(
    "/api/requests/route-rules/:departmentId",
    {
      config: { access: "requests.manage" },
      schema: { tags, params: departmentParamsSchema, response: { 200: sectionRouteRulesSchema } },
    },
    async (request) => readSectionRouteRulesOf(deps, request.params.departmentId),
  );

  api.put(
    "/api/requests/route-rules/:departmentId",
    {
      config: { access: "requests.manage" },
      schema: {
        tags,
        params: departmentParamsSchema,
        body: sectionRouteRulesSchema,
        response: { 200: sectionRouteRulesSchema },
      },
    },
    async (request) =>
      saveSectionRouteRules(deps, signedInUser(request).loginId, request.params.departmentId, request.body),
  );

  api.get(
    "/api/requests/:id",
    {
      config: { access: "signedIn" },
      schema: { tags, params: requestParamsSchema, response: { 200: requestSchema } },
    },
    async (request) => readRequest(deps, callerOf(request), request.params.id),
  );

  api.post(
    "/api/requests/:id/actions",
    {
      config: { access: "signedIn" },
      schema: {
        tags,
        params: requestParamsSchema,
        body: requestActionSchema,
        response: { 200: requestSchema },
      },
    },
    async (request) => actOnRequest(deps, callerOf(request), request.params.id, request.body),
  );

  // 代決者: HR names who decides for an approver while they are away.
  api.get(
    "/api/approval-proxies",
    { config: { access: "requests.manage" }, schema: { tags, response: { 200: approvalProxyListSchema } } },
    async () => ({ items: await listApprovalProxies(deps.db) }),
  );

  // A proxy learns whom they may decide for (the 代決 choice on a request).
  api.get(
    "/api/approval-proxies/mine",
    { config: { access: "signedIn" }, schema: { tags, response: { 200: approvalProxyListSchema } } },
    async (request) => {
      const { staffId } = signedInUser(request);
      return { items: staffId === null ? [] : await listApprovalProxies(deps.db, { proxyStaffId: staffId }) };
    },
  );

  api.post(
    "/api/approval-proxies",
    {
      config: { access: "requests.manage" },
      schema: { tags, body: approvalProxyInputSchema, response: { 200: approvalProxySchema } },
    },
    async (request) => createApprovalProxy(deps, signedInUser(request).loginId, request.body),
  );

  api.delete(
    "/api/approval-proxies/:id",
    {
      config: { access: "requests.manage" },
      schema: { tags, params: idParamsSchema, response: { 200: okSchema } },
    },
    async (request) => {
      await deleteApprovalProxy(deps, signedInUser(request).loginId, request.params.id);
      return { ok: true as const };
    },
  );
}
