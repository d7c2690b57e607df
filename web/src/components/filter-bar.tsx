import { type FormEvent, useEffect, useState } from 'react';

export interface ActiveFilter {
  label: string;
  /** Where the chip's × leads: the same list without this filter. */
  clearHref: string;
}

export interface FilterBarProps {
  /** Absent for lists without text search. */
  search?: string;
  onSearch?(text: string): void;
  active: ActiveFilter[];
}

export function FilterBar({ search, onSearch, active }: FilterBarProps) {
  const [text, setText] = useState(search ?? '');
  // Follow the URL when it changes from elsewhere (back button, a tag link).
  useEffect(() => setText(search ?? ''), [search]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch?.(text.trim());
  };
  return (
    <div className="filters">
      {onSearch && (
        <form className="search" aria-label="Search" onSubmit={submit}>
          <input
            className="search__input"
            type="search"
            placeholder="Search titles, ingredients, tags"
            aria-label="Search"
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
          <button type="submit" className="button">
            Search
          </button>
        </form>
      )}
      {active.length > 0 && (
        <ul className="chips" aria-label="Active filters">
          {active.map((filter) => (
            <li key={filter.label} className="chip">
              {filter.label}
              <a className="chip__clear" href={filter.clearHref} aria-label={`Remove filter ${filter.label}`}>
                ×
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
