export * from "./apdu/index";
export * from "./jpki/index";
export * from "./profiles/index";
export * from "./signature/index";
export * from "./staff-card/index";
export * from "./transport/index";
export * from "./uid/index";
export * from "./x509/index";
