/**
 * The context one event's execution runs with: the subscriber's, copied. Whatever is cached on a
 * context object (Pothos keys its dataloaders by it) so lives for one execution only: an event's
 * nested objects are loaded as they are when it goes out, never as an earlier event of the same
 * subscription loaded them, and nothing a subscription keeps grows with the objects it has seen.
 */
export function eventContext<Context>(context: Context): Context {
  return typeof context === 'object' && context !== null ? { ...context } : context;
}
