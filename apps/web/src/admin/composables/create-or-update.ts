/**
 * The save of an add-or-edit drawer: with a record, send only what changed (nothing changed → no
 * call, no message); without one, create it. Returns the success message for FormDrawer.
 */
export async function createOrUpdate<I, T, P extends object>(options: {
  current: { id: I } | null;
  patch: () => P;
  update: (id: I, patch: P) => Promise<T>;
  create: () => Promise<T>;
  saved: (item: T, created: boolean) => void;
  updatedMessage: string;
  createdMessage: string | ((item: T) => string);
}): Promise<string | null> {
  if (options.current) {
    const patch = options.patch();
    if (Object.keys(patch).length === 0) return null;
    options.saved(await options.update(options.current.id, patch), false);
    return options.updatedMessage;
  }
  const item = await options.create();
  options.saved(item, true);
  const created = options.createdMessage;
  return typeof created === 'string' ? created : created(item);
}
