export * from "./import-plan.ts";
export * from "./party-order.ts";
export * from "./rules.ts";
export * from "./types.ts";
