/**
 * The Platform's Application Load Balancer: internet-facing in the public subnets, an HTTPS
 * listener with the configured certificate (404 unless an IdeService's host rule matches), and
 * an HTTP listener that only redirects to HTTPS.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { PlatformPartContext } from "./context";

/** TLS policy of the HTTPS listener: TLS 1.3 and 1.2 with forward-secret ciphers only. */
export const TLS_POLICY = "ELBSecurityPolicy-TLS13-1-2-2021-06";

/** What addLoadBalancer creates. */
export interface LoadBalancing {
  loadBalancer: aws.lb.LoadBalancer;
  httpsListener: aws.lb.Listener;
  httpListener: aws.lb.Listener;
}

/** Creates the load balancer and its two listeners. */
export function addLoadBalancer(
  ctx: PlatformPartContext,
  args: {
    /** Security group of the load balancer. */
    securityGroupId: pulumi.Input<string>;
    /** Public subnets, one per zone. */
    subnetIds: pulumi.Input<pulumi.Input<string>[]>;
    /** ACM certificate of the HTTPS listener. */
    certificateArn: string;
  },
): LoadBalancing {
  const { name, tags } = ctx;
  const parent = { parent: ctx.parent };
  const loadBalancer = new aws.lb.LoadBalancer(
    `${name}-alb`,
    {
      loadBalancerType: "application",
      internal: false,
      securityGroups: [args.securityGroupId],
      subnets: args.subnetIds,
      dropInvalidHeaderFields: true,
      // IDE sessions hold WebSockets open between keystrokes; 60 s (the default) cuts them.
      idleTimeout: 300,
      tags,
    },
    parent,
  );
  const httpsListener = new aws.lb.Listener(
    `${name}-https`,
    {
      loadBalancerArn: loadBalancer.arn,
      port: 443,
      protocol: "HTTPS",
      sslPolicy: TLS_POLICY,
      certificateArn: args.certificateArn,
      defaultActions: [
        {
          type: "fixed-response",
          fixedResponse: {
            contentType: "text/plain",
            messageBody: "Not found",
            statusCode: "404",
          },
        },
      ],
      tags,
    },
    parent,
  );
  const httpListener = new aws.lb.Listener(
    `${name}-http`,
    {
      loadBalancerArn: loadBalancer.arn,
      port: 80,
      protocol: "HTTP",
      defaultActions: [
        {
          type: "redirect",
          redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" },
        },
      ],
      tags,
    },
    parent,
  );
  return { loadBalancer, httpsListener, httpListener };
}
