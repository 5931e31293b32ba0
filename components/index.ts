/** The program's components. */
export * from "./autoscaling";
export * from "./database";
export * from "./examEnv";
export * from "./ideService";
export * from "./monitoring";
export * from "./platform";
export * from "./platformReference";
export * from "./scheduledScaling";
export * from "./stagingEnv";
export * from "./tags";
export * from "./validate";
