export * from "./ballot-svg.ts";
export * from "./interpret.ts";
export * from "./layout.ts";
