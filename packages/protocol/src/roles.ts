import { roles } from "@tobira/core";
import { z } from "zod";

export { can, type Permission, permissionRoles, type Role, roles } from "@tobira/core";
export const roleSchema = z.enum(roles);
