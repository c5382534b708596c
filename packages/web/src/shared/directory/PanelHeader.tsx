import { SearchInput } from '../ui/forms.js';

/** A list panel's title, its count line and its search box. */
export function PanelHeader({ title, description, searchLabel, query, onQuery }: { title: string; description: string; searchLabel: string; query: string; onQuery: (query: string) => void }) {
  return (
    <div className="card-header">
      <div>
        <div className="card-title">{title}</div>
        <div className="card-description">{description}</div>
      </div>
      <SearchInput label={searchLabel} value={query} onChange={(event) => onQuery(event.target.value)} />
    </div>
  );
}
