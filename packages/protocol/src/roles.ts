import { roles } from "@tobira/core/authorization";
import { z } from "zod";

export { can, type Permission, permissionRoles, type Role, roles } from "@tobira/core/authorization";
export const roleSchema = z.enum(roles);
