let chain: Promise<unknown> = Promise.resolve();

/**
 * Runs signature-pad commands one after the other, so a panel closing (cancel) and the next one opening (start)
 * reach the pad in that order even though each is a separate request.
 */
export function padCommand<T>(run: () => Promise<T>): Promise<T> {
  const next = chain.then(run, run);
  chain = next.catch(() => undefined);
  return next;
}
