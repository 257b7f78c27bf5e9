/** Splitting a request over bounded filter lists, and following the pages of its answer. */

/**
 * Pages of an API the SDK has no paginator for (the Savings Plans API): `fetchPage` is called with the
 * token the last page returned until a page returns none. A token equal to the one just sent ends the
 * walk: AWS never repeats one, but a broken proxy might, and following it would loop forever.
 */
export async function* tokenPages<P extends { nextToken?: string | undefined }>(fetchPage: (nextToken: string | undefined) => Promise<P>): AsyncGenerator<P> {
  let nextToken: string | undefined;
  do {
    const page = await fetchPage(nextToken);
    yield page;
    nextToken = page.nextToken && page.nextToken !== nextToken ? page.nextToken : undefined;
  } while (nextToken);
}

/** `items` in runs of at most `size` (a request's filter takes a bounded list of values). */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
