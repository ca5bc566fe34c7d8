export * from "./date.ts";
export * from "./number.ts";
export * from "./text.ts";
