import * as pulumi from "@pulumi/pulumi";
import { StackConfig } from "../model/config";
import { exam } from "./exam";
import { prod } from "./prod";
import { staging } from "./staging";

/** A stack's exported outputs. */
export type StackOutputs = Record<string, pulumi.Input<unknown>>;

/**
 * Composes the components of the configured stack and returns its outputs.
 * @param now the clock (stacks/load.ts: PYTHONIDE_NOW or the real time); exam schedules are judged by it
 */
export function composeStack(config: StackConfig, now: Date): StackOutputs {
  switch (config.stack) {
    case "prod":
      return prod(config);
    case "staging":
      return staging(config);
    case "exam":
      return exam(config, now);
  }
}
