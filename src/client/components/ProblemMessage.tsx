import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../shared/api.ts';

/** A sentence for the person, in their language. The server's detail is already translated. */
export function problemText(problem: Problem, t: TFunction): string {
  if (problem.code === 'network') return t('common.errors.network');
  if (problem.code === 'bad_response') return t('common.errors.badResponse');
  // With field errors the detail repeats them with raw field paths; they are listed separately.
  if (problem.errors?.length) return problem.title || t('common.errors.validation');
  if (problem.detail) return problem.detail;
  switch (problem.status) {
    case 401:
      return t('common.errors.unauthenticated');
    case 403:
      return t('common.errors.forbidden');
    case 404:
      return t('common.errors.notFound');
    case 429:
      return t('common.errors.rateLimited');
    default:
      return problem.status >= 500 ? t('common.errors.server') : t('common.errors.unknown');
  }
}

/** A problem that stops a whole page from showing (not found, not allowed, offline). */
export function ProblemMessage({ problem }: { problem: Problem }) {
  const { t } = useTranslation();
  return (
    <div className="notice notice-error" role="alert">
      <p>{problemText(problem, t)}</p>
    </div>
  );
}
