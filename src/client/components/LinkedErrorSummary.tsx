import { useId } from 'react';

export interface LinkedError {
  /** The id of the element the error is about (a row, a field), without "#". */
  target: string;
  text: string;
}

interface LinkedErrorSummaryProps {
  title: string;
  errors: readonly LinkedError[];
  /** A line after the list, e.g. how many errors the list leaves out. */
  more?: string | undefined;
}

/**
 * Every error at once, at the top of what it is about, each linking to its place (a table row, a
 * field outside a form). Forms have their own summary (Form.tsx). The page moves focus here when
 * it appears: it carries the class `error-summary` and takes focus.
 */
export function LinkedErrorSummary({ title, errors, more }: LinkedErrorSummaryProps) {
  const headingId = useId();
  return (
    <div className="notice notice-error error-summary" role="alert" tabIndex={-1} aria-labelledby={headingId}>
      <h2 id={headingId} className="error-summary-title">
        {title}
      </h2>
      <ul>
        {errors.map((error) => (
          <li key={`${error.target}:${error.text}`}>
            <a href={`#${error.target}`}>{error.text}</a>
          </li>
        ))}
      </ul>
      {more && <p className="error-summary-more">{more}</p>}
    </div>
  );
}
