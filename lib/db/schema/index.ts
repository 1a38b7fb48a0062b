export * from "./enums";
export * from "./users";
export * from "./learning";
export * from "./missions";
export * from "./recipes";
export * from "./progress";
export * from "./telemetry";
export * from "./analytics";
