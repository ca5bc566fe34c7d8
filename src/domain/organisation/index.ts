export * from "./history.ts";
export * from "./import-plan.ts";
export * from "./party-order.ts";
export * from "./reorganisation.ts";
export * from "./rules.ts";
export * from "./types.ts";
