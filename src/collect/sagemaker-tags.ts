import { paginateListTags, type SageMakerClient } from '@aws-sdk/client-sagemaker';
import { tagMap } from './tags.js';

/** Tags of a SageMaker resource by ARN (ListTags pages). */
export async function sagemakerTagsOf(client: SageMakerClient, arn: string): Promise<Record<string, string>> {
  const tags = [];
  for await (const page of paginateListTags({ client }, { ResourceArn: arn })) tags.push(...(page.Tags ?? []));
  return tagMap(tags);
}
