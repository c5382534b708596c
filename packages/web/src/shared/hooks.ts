import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { errorMessage } from './api.js';

export interface AsyncState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  /** Loads again; keeps the current data on screen meanwhile. */
  reload: () => Promise<void>;
  setData: (data: T) => void;
}

/** Runs `load` now and whenever `deps` change; the last call wins. */
export function useAsync<T>(load: () => Promise<T>, deps: readonly unknown[]): AsyncState<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(true);
  const generation = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const reload = useCallback(async () => {
    const mine = ++generation.current;
    setLoading(true);
    try {
      const value = await loadRef.current();
      if (mine === generation.current) {
        setData(value);
        setError(undefined);
      }
    } catch (caught) {
      if (mine === generation.current) setError(caught);
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, []);

  useEffect(() => {
    void reload();
  }, deps);

  return { data, error, loading, reload, setData };
}

/** Calls `tick` every `millis` while `active` (and the page is visible). */
export function useInterval(tick: () => void, millis: number, active = true): void {
  const saved = useRef(tick);
  saved.current = tick;
  useEffect(() => {
    if (!active) return undefined;
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') saved.current();
    }, millis);
    return () => clearInterval(timer);
  }, [millis, active]);
}

/** A value that follows `value` after it has stopped changing for `millis`. */
export function useDebounced<T>(value: T, millis: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), millis);
    return () => clearTimeout(timer);
  }, [value, millis]);
  return debounced;
}

/** Re-renders every `millis`, for "3 minutes ago" labels. */
export function useNow(millis = 30_000): number {
  const [now, setNow] = useState(Date.now());
  useInterval(() => setNow(Date.now()), millis);
  return now;
}

/** Runs an async action with a busy flag; errors go to `onError`. */
export function useAction<Args extends unknown[], R>(action: (...args: Args) => Promise<R>, onError?: (error: unknown) => void) {
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async (...args: Args): Promise<R | undefined> => {
      setBusy(true);
      try {
        return await action(...args);
      } catch (error) {
        onError?.(error);
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [action, onError],
  );
  return { busy, run };
}

/**
 * A form's submit: no page load, a busy flag while `action` runs, and the failure's message for
 * the form to show (`describe` turns an error into the words the form shows).
 */
export function useSubmit(action: () => Promise<void>, describe: (error: unknown) => string = errorMessage) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await action();
    } catch (caught) {
      setError(describe(caught));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, submit };
}
