export * from "./checklist.ts";
export * from "./dashboard.ts";
export * from "./meeting.ts";
export * from "./recognition.ts";
