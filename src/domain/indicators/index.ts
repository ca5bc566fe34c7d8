export * from "./catalog.ts";
export * from "./data.ts";
export * from "./definition.ts";
export * from "./evaluate.ts";
export * from "./rational.ts";
export * from "./timeline.ts";
