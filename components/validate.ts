/**
 * Argument checks shared by the components: each component collects every problem with its
 * arguments and throws one error listing them, before it registers anything. An argument that
 * carries a stack setting is checked against that setting's schema entry (`setting`), so ranges
 * and allowed values are declared once, in model/config/schema.ts.
 */
import { settingProblem, specOf } from "../model/config";

/** Thrown by a component constructor whose arguments are invalid. */
export class ComponentArgsError extends Error {
  constructor(
    readonly component: string,
    readonly resourceName: string,
    readonly problems: string[],
  ) {
    super(
      `${component} "${resourceName}" has invalid arguments:\n` +
        problems.map((p) => `  - ${p}`).join("\n"),
    );
    this.name = "ComponentArgsError";
  }
}

/** Collects problems with a component's arguments. */
export class ArgsChecker {
  readonly problems: string[] = [];

  constructor(
    private readonly component: string,
    private readonly resourceName: string,
  ) {}

  /** Records a problem: `args.<key> is <value>: <what would be valid>`. */
  fail(key: string, value: unknown, what: string): void {
    this.problems.push(`args.${key} is ${JSON.stringify(value)}: ${what}`);
  }

  /** Requires a whole number within [min, max]. */
  int(key: string, value: number | undefined, min: number, max: number): void {
    if (value === undefined || !Number.isInteger(value) || value < min || value > max) {
      this.fail(key, value, `must be a whole number from ${min} to ${max}`);
    }
  }

  /**
   * Requires what the schema accepts for the setting `setting` in any stack (its range, allowed
   * values or length); a secret setting's value is never shown.
   */
  setting(key: string, value: unknown, setting: string): void {
    const problem = settingProblem(setting, typeof value === "number" ? value : String(value));
    if (!problem) return;
    if (specOf(setting).secret) this.problems.push(`args.${key} is [secret]: ${problem}`);
    else this.fail(key, value, problem);
  }

  /** Requires one of the listed values. */
  oneOf(key: string, value: unknown, options: readonly unknown[]): void {
    if (!options.includes(value)) this.fail(key, value, `must be one of ${options.join(", ")}`);
  }

  /** Throws a ComponentArgsError if any problem was recorded. */
  throwIfAny(): void {
    if (this.problems.length > 0) {
      throw new ComponentArgsError(this.component, this.resourceName, this.problems);
    }
  }
}
