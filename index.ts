/**
 * The Pulumi program: reads the stack's config once, validates all of it before any resource is
 * registered (stacks/load.ts), hands it to stacks/<stack>.ts and exports that stack's outputs.
 */
import { composeStack } from "./stacks";
import { loadStack } from "./stacks/load";

const { config, now } = loadStack();

export = composeStack(config, now);
