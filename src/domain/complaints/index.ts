export * from "./dashboard.ts";
export * from "./duplicates.ts";
export * from "./rules.ts";
export * from "./types.ts";
