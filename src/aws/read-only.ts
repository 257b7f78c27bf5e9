import type { HandlerExecutionContext, MiddlewareStack } from '@smithy/types';

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

/**
 * Puts the read-only check on a client made outside AwsSession (billing, email): every operation
 * must read, except the reviewed ones named in `allowed` (e.g. Athena's StartQueryExecution runs a
 * SELECT; SES SendEmail mails the report the user asked to send). AwsSession applies the same check.
 */
export function readOnlyClient<C extends { middlewareStack: unknown }>(client: C, service: string, allowed: readonly string[] = []): C {
  // Each client's stack is typed by its own inputs and outputs; the check reads only the command name.
  (client.middlewareStack as MiddlewareStack<object, object>).add(
    (next, context: HandlerExecutionContext) => async (args) => {
      const operation = (context.commandName ?? 'Unknown').replace(/Command$/, '');
      if (!isReadOnlyOperation(operation) && !allowed.includes(operation)) throw new Error(`mlcost is read-only: refusing to send ${service}:${operation}`);
      return next(args);
    },
    { step: 'initialize', name: 'mlcostReadOnly' },
  );
  return client;
}
