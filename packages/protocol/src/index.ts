export * from "./audit";
export * from "./auth";
export * from "./common";
export * from "./errors";
export * from "./health";
export * from "./org";
export * from "./roles";
export * from "./staff-import";
