import type { ReactNode } from 'react';
import { ErrorState, SkeletonRows } from './feedback.js';

/** What a view needs of a load in progress: useAsync's state, or a page of it. */
export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  reload: () => Promise<void>;
}

interface DataViewProps<T> {
  state: Loaded<T>;
  /** Shown above the error, e.g. "Users could not be loaded". */
  errorTitle?: string;
  /** How many columns the skeleton draws while the first load runs. */
  columns?: number;
  isEmpty: (data: T) => boolean;
  empty: ReactNode;
  children: (data: T) => ReactNode;
}

/** The four states of a panel that loads a list: error (with a retry), loading, empty, the data. */
export function DataView<T>({ state, errorTitle, columns = 3, isEmpty, empty, children }: DataViewProps<T>) {
  if (state.error) return <ErrorState error={state.error} onRetry={() => void state.reload()} {...(errorTitle ? { title: errorTitle } : {})} />;
  if (state.data === undefined) return <SkeletonRows columns={columns} />;
  if (isEmpty(state.data)) return <>{empty}</>;
  return <>{children(state.data)}</>;
}
