/**
 * The CrossGuard policy pack: `pulumi preview --policy-pack policy-pack`. It only constructs the
 * PolicyPack (which starts the gRPC server the CLI talks to); the policies and their levels live
 * in ./policies, which tests and the offline gate import without starting a server.
 */
import { PolicyPack } from "@pulumi/policy";
import { PACK_NAME, policies } from "./policies";

new PolicyPack(PACK_NAME, { policies });
