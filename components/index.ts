/** The program's components. */
export * from "./autoscaling";
export * from "./database";
export * from "./ideService";
export * from "./monitoring";
export * from "./platform";
export * from "./tags";
export * from "./validate";
