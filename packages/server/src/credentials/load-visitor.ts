import type { VisitorDto } from "@tobira/protocol";
import type { Executor } from "../db/transaction";
import { notFound } from "../errors";
import { findVisitor } from "./visitor-repository";

export async function loadVisitor(db: Executor, id: number): Promise<VisitorDto> {
  const visitor = await findVisitor(db, id);
  if (!visitor) throw notFound(`Visitor ${id}`);
  return visitor;
}
