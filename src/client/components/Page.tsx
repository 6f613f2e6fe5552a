import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiData } from '../hooks.ts';
import { ProblemMessage } from './ProblemMessage.tsx';

interface PageProps {
  title: string;
  /** A short line above the title, inside the heading, e.g. "Steg 2 av 3" in a form of several steps. */
  caption?: string;
  /** Shown beside the heading, e.g. the page's main action. */
  actions?: ReactNode;
  children?: ReactNode;
}

/**
 * The page's one h1 (which receives focus after navigation, see Layout) and the document title.
 */
export function Page({ title, caption, actions, children }: PageProps) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} – ${t('common.productName')}`;
  }, [title, t]);
  return (
    <>
      <div className="page-heading">
        <h1 tabIndex={-1}>
          {caption && (
            <span className="page-caption">
              {caption}
              <span className="visually-hidden"> – </span>
            </span>
          )}
          {title}
        </h1>
        {actions && <div className="page-actions">{actions}</div>}
      </div>
      {children}
    </>
  );
}

/** Shows loading and problem states of `state`, and `children` with the data once it is there. */
export function Loaded<T>({ state, children }: { state: ApiData<T>; children(data: T): ReactNode }) {
  if (state.error) return <ProblemMessage problem={state.error.problem} />;
  if (state.data === undefined) return <Loading />;
  return <>{children(state.data)}</>;
}

/** Says, to everyone and to screen readers, that something is on its way. */
export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      {t('common.loading')}
    </p>
  );
}
