import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { Problem } from '../shared/api.ts';
import { type Locale, localeSchema } from '../shared/roles.ts';
import { ApiError, api } from './api.ts';

export interface ApiData<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload(): void;
  setData(data: T): void;
}

/**
 * Loads `path` (GET) and parses it with `schema`, which must be a stable (module-level) value.
 * A null path loads nothing.
 */
export function useApiData<T>(path: string | null, schema: z.ZodType<T>): ApiData<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(path !== null);
  const [version, setVersion] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: version is the reload trigger
  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    setLoading(true);
    setError(undefined);
    api.get(path, schema, controller.signal).then(
      (result) => {
        setData(result);
        setLoading(false);
      },
      (failure: unknown) => {
        if (controller.signal.aborted) return;
        setError(failure instanceof ApiError ? failure : unexpected());
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [path, schema, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data, error, loading, reload, setData };
}

function unexpected(): ApiError {
  return new ApiError({ type: 'about:blank', title: 'Error', status: 0, code: 'unknown' });
}

export interface Action {
  pending: boolean;
  problem: Problem | null;
  /** Runs `work`, keeping its problem for the form; resolves true when it succeeded. */
  run(work: () => Promise<unknown>): Promise<boolean>;
  reset(): void;
}

/** State for a form submission or a button that changes something. */
export function useAction(): Action {
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  const run = useCallback(async (work: () => Promise<unknown>) => {
    setPending(true);
    setProblem(null);
    try {
      await work();
      return true;
    } catch (error) {
      setProblem(error instanceof ApiError ? error.problem : unexpected().problem);
      if (!(error instanceof ApiError)) console.error(error);
      return false;
    } finally {
      setPending(false);
    }
  }, []);

  const reset = useCallback(() => setProblem(null), []);
  return { pending, problem, run, reset };
}

/** The interface language; components using it re-render when it changes. */
export function useLocale(): Locale {
  const { i18n } = useTranslation();
  const parsed = localeSchema.safeParse(i18n.language);
  return parsed.success ? parsed.data : 'sv';
}
