export * from "./access/index";
export * from "./attendance/index";
export * from "./audit/index";
export * from "./authorization/index";
export * from "./calendar/index";
export * from "./requests/index";
