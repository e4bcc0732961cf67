import { type Department, departmentSchema, type Position, positionSchema } from "@tobira/protocol";
import { request } from "./client";
import { itemsOf } from "./parsers";

export async function listDepartments(asOf: string | null, signal?: AbortSignal): Promise<Department[]> {
  const { items } = await request("GET", "/api/departments", {
    parser: itemsOf(departmentSchema),
    query: { asOf },
    signal,
  });
  return items;
}

export async function listPositions(signal?: AbortSignal): Promise<Position[]> {
  const { items } = await request("GET", "/api/positions", {
    parser: itemsOf(positionSchema),
    signal,
  });
  return items;
}
