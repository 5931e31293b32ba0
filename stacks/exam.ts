/**
 * The exam stack: the exam-mode IDE on the prod platform (StackReference `platformStack`),
 * pre-scaled on a schedule before each exam window of Pulumi.exam.yaml.
 */
import { ExamEnv } from "../components/examEnv";
import { StackConfig } from "../model/config";
import type { StackOutputs } from ".";
import { databaseSettings, ideSettings } from "./componentArgs";

/**
 * Composes the exam stack from its validated config.
 * @param now the clock the schedule is judged by (stacks/load.ts: PYTHONIDE_NOW or the real time)
 */
export function exam(config: StackConfig, now: Date): StackOutputs {
  if (!config.exam || config.platformStack === undefined) {
    throw new Error(
      "exam stack config has no exam settings or platformStack: parseStackConfig sets them",
    );
  }
  const env = new ExamEnv("exam", {
    platformStack: config.platformStack,
    host: config.host,
    service: ideSettings(config.service),
    exam: config.exam,
    database: databaseSettings(config.database),
    timeZone: config.timeZone,
    now,
  });
  return env.stackOutputs();
}
