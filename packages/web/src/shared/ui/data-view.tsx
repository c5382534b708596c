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
  /** Where the error stands when it replaces a whole page or card (by default, as it is). */
  errorFrame?: (error: ReactNode) => ReactNode;
  /** What stands while the first load runs; by default rows of a skeleton table. */
  loading?: ReactNode;
  /** How many rows and columns the skeleton draws while the first load runs. */
  rows?: number;
  columns?: number;
  /** When the data counts as empty, and what is shown then (a view without them has no empty state). */
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode | ((data: T) => ReactNode);
  children: (data: T) => ReactNode;
}

/** The four states of a view that loads its data: error (with a retry), loading, empty, the data. */
export function DataView<T>({ state, errorTitle, errorFrame = (error) => error, loading, rows, columns = 3, isEmpty, empty, children }: DataViewProps<T>) {
  if (state.error) return <>{errorFrame(<ErrorState error={state.error} onRetry={() => void state.reload()} {...(errorTitle ? { title: errorTitle } : {})} />)}</>;
  if (state.data === undefined) return <>{loading === undefined ? <SkeletonRows columns={columns} {...(rows ? { rows } : {})} /> : loading}</>;
  if (isEmpty?.(state.data)) return <>{typeof empty === 'function' ? empty(state.data) : empty}</>;
  return <>{children(state.data)}</>;
}

/** The error frame of a view that is the whole page. */
export const pageFrame = (error: ReactNode) => <div className="page">{error}</div>;
