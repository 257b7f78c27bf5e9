/**
 * mlcost never changes an AWS account. This is the one list of operation prefixes it may send;
 * the client factory refuses anything else at runtime and a test scans src/ for the same rule.
 */
export const READ_ONLY_OPERATION = /^(Describe|List|Get)[A-Z]\w*$/;
/** STS AssumeRole only obtains credentials for a member account; it changes nothing. */
export const ALLOWED_EXCEPTIONS = new Set(['AssumeRole']);

export function isReadOnlyOperation(operation: string): boolean {
  return READ_ONLY_OPERATION.test(operation) || ALLOWED_EXCEPTIONS.has(operation);
}
