import type { NewItemsBarState } from '../lib/new-items';

export interface NewItemsBarProps {
  bar: NewItemsBarState;
  /** `['recipe', 'recipes']`: "1 new recipe — show", "5 new recipes — show". */
  noun: readonly [singular: string, plural: string];
  testId: string;
}

/** Others' new items wait here rather than pushing the list down as the viewer reads it; nothing when none wait. */
export function NewItemsBar({ bar, noun, testId }: NewItemsBarProps) {
  if (bar.count === 0) return null;
  return (
    <div className="new-items-bar" data-testid={testId} role="status">
      <button type="button" className="new-items-bar__button" onClick={bar.show}>
        {bar.count} new {bar.count === 1 ? noun[0] : noun[1]} — show
      </button>
    </div>
  );
}
