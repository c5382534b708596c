import { useState } from 'react';
import { useAsync, useDebounced } from '../hooks.js';
import type { Page } from '../types.js';

/**
 * A directory list (users or groups) that pages with page tokens and, while text is typed,
 * shows the search's matches instead (one page, no total).
 */
export function useSearchableList<Item, Key extends string>(
  key: Key,
  list: (pageToken: string | undefined) => Promise<Record<Key, Item[]> & Page>,
  search: (text: string) => Promise<Item[]>,
  deps: readonly unknown[],
) {
  const [query, setQuery] = useState('');
  const text = useDebounced(query.trim(), 250);
  const [tokens, setTokens] = useState<string[]>([]);
  const pageToken = tokens.at(-1);
  const state = useAsync(async (): Promise<{ items: Item[]; next_page_token: string; total_size: number }> => {
    if (text) return { items: await search(text), next_page_token: '', total_size: -1 };
    const page = await list(pageToken);
    return { items: page[key], next_page_token: page.next_page_token, total_size: page.total_size };
  }, [text, pageToken, ...deps]);
  return {
    state,
    /** The search box's text, and its setter (a new search starts from the first page). */
    query,
    setQuery: (value: string) => {
      setQuery(value);
      setTokens([]);
    },
    text,
    pager: {
      hasPrevious: tokens.length > 0,
      hasNext: Boolean(state.data?.next_page_token),
      onPrevious: () => setTokens((current) => current.slice(0, -1)),
      onNext: () => setTokens((current) => [...current, state.data?.next_page_token ?? '']),
      loading: state.loading,
    },
  };
}
