import { json, type LoopbackAnswer } from './loopback-aws.js';
import type { Ec2Answer } from './ec2-proxy.js';

/**
 * ListProvisionedModelThroughputs as AWS answers it (Bedrock API reference: restJson,
 * GET /provisioned-model-throughputs, `provisionedModelSummaries` with ISO timestamps), paged by
 * the nextToken query parameter.
 */
export interface RecordedProvisionedModel {
  provisionedModelName: string;
  provisionedModelArn: string;
  modelArn: string;
  desiredModelArn: string;
  foundationModelArn: string;
  modelUnits: number;
  desiredModelUnits: number;
  status: string;
  commitmentDuration?: string;
  commitmentExpirationTime?: string;
  creationTime: string;
  lastModifiedTime: string;
}

export const LIST_PROVISIONED = 'bedrock:GET /provisioned-model-throughputs';

export function listProvisionedModelThroughputs(pages: readonly (readonly RecordedProvisionedModel[])[]): Ec2Answer {
  return ({ query }) => {
    const page = Number(query?.get('nextToken') ?? '0');
    const next = page + 1 < pages.length ? { nextToken: String(page + 1) } : {};
    return json(200, { provisionedModelSummaries: pages[page] ?? [], ...next });
  };
}

/** What Bedrock answers a caller without bedrock:ListProvisionedModelThroughputs. */
export function bedrockAccessDenied(action: string): LoopbackAnswer {
  return json(
    403,
    { message: `User: arn:aws:iam::123456789012:user/auditor is not authorized to perform: bedrock:${action} because no identity-based policy allows it` },
    'AccessDeniedException',
  );
}
