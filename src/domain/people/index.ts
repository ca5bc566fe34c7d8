export * from "./dates.ts";
export * from "./duplicates.ts";
export * from "./local.ts";
export * from "./types.ts";
