import { type ReactNode, useId } from 'react';

interface ScrollableTableProps {
  caption: ReactNode;
  className?: string;
  /** thead and tbody. */
  children: ReactNode;
}

/**
 * A table in a frame that scrolls sideways when the table is wider than the screen. The frame is
 * a region named by the caption and takes keyboard focus, so it can be scrolled without a mouse.
 */
export function ScrollableTable({ caption, className, children }: ScrollableTableProps) {
  const captionId = useId();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
    <section className="table-wrap" aria-labelledby={captionId} tabIndex={0}>
      <table className={className}>
        <caption id={captionId}>{caption}</caption>
        {children}
      </table>
    </section>
  );
}
