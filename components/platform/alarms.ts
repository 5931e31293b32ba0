/** The Platform's SNS topic alarms notify, with an email subscription when an address is given. */
import * as aws from "@pulumi/aws";
import { PlatformPartContext } from "./context";

/** Creates the alarm topic and, when `email` is set, its email subscription. */
export function addAlarmTopic(ctx: PlatformPartContext, email: string | undefined): aws.sns.Topic {
  const { name, tags } = ctx;
  const topic = new aws.sns.Topic(`${name}-alarms`, { tags }, { parent: ctx.parent });
  if (email !== undefined) {
    new aws.sns.TopicSubscription(
      `${name}-alarms-email`,
      { topic: topic.arn, protocol: "email", endpoint: email },
      { parent: ctx.parent },
    );
  }
  return topic;
}
