/**
 * Container image references: which ones live in Amazon ECR (and so need the execution role to
 * pull from exactly that repository). Pure logic, no Pulumi imports.
 */

/** An image stored in an ECR private registry. */
export interface EcrImage {
  /** The registry's account id. */
  registryId: string;
  /** The registry's region. */
  region: string;
  /** Repository name, possibly with slashes (`team/pythonide`). */
  repository: string;
}

const ECR_IMAGE =
  /^(\d{12})\.dkr\.ecr(?:-fips)?\.([a-z]{2}(?:-gov)?-[a-z]+-\d)\.amazonaws\.com\/([a-z0-9]+(?:[._\/-][a-z0-9]+)*)(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$/;

/** The ECR registry and repository of an image, or undefined when it is not an ECR image. */
export function parseEcrImage(image: string): EcrImage | undefined {
  const m = ECR_IMAGE.exec(image);
  if (!m) return undefined;
  return { registryId: m[1], region: m[2], repository: m[3] };
}

/** The ARN of an ECR image's repository (the resource an execution role may pull from). */
export function ecrRepositoryArn(image: EcrImage): string {
  return `arn:aws:ecr:${image.region}:${image.registryId}:repository/${image.repository}`;
}
