import {
  type AccessAlarmDto,
  type AccessLogEntry,
  accessAlarmListSchema,
  accessAlarmSchema,
  accessLogSchema,
  type MusterDto,
  musterSchema,
  type OccupancyDto,
  occupancySchema,
} from "@tobira/protocol";
import { request, requestBlob } from "./client";

/** 入退室記録: the access log (入退室記録簿), its monthly export, alarms and who is inside. */

export interface AccessLogFilter {
  from?: string | undefined;
  to?: string | undefined;
  doorId?: number | undefined;
  areaId?: number | undefined;
  result?: "granted" | "denied" | undefined;
  limit?: number | undefined;
  before?: number | undefined;
}

export function listAccessLog(
  filter: AccessLogFilter,
  signal?: AbortSignal,
  quiet?: boolean,
): Promise<{ items: AccessLogEntry[] }> {
  return request("GET", "/api/access/log", {
    parser: accessLogSchema,
    query: { ...filter },
    signal,
    quiet: quiet ?? false,
  });
}

export type AccessLogExportFormat = "csv" | "xlsx" | "pdf";

export function exportAccessLog(format: AccessLogExportFormat, month: string, areaId: number | undefined) {
  return requestBlob("/api/access/log/export", { query: { format, month, areaId } });
}

export function listAlarms(
  open: boolean | undefined,
  signal?: AbortSignal,
  quiet?: boolean,
): Promise<{ items: AccessAlarmDto[] }> {
  return request("GET", "/api/access/alarms", {
    parser: accessAlarmListSchema,
    query: { open },
    signal,
    quiet: quiet ?? false,
  });
}

export function acknowledgeAlarm(id: number, comment: string): Promise<AccessAlarmDto> {
  return request("POST", `/api/access/alarms/${id}/acknowledge`, {
    parser: accessAlarmSchema,
    body: { comment },
  });
}

export function getOccupancy(signal?: AbortSignal): Promise<OccupancyDto> {
  return request("GET", "/api/access/occupancy", { parser: occupancySchema, signal });
}

export function getMuster(signal?: AbortSignal): Promise<MusterDto> {
  return request("GET", "/api/access/muster", { parser: musterSchema, signal });
}
