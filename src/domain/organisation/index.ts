export * from "./import-plan.ts";
export * from "./rules.ts";
export * from "./types.ts";
export * from "./history.ts";
