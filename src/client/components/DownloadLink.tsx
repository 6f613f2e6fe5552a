import { type ReactNode, useEffect, useState } from 'react';

interface DownloadLinkProps {
  /** The file's text, made in the browser (e.g. a CSV of the rows to correct). */
  content: string;
  filename: string;
  type?: string;
  className?: string;
  children: ReactNode;
}

/** A link that downloads a file made in the browser; no request, so nothing leaves the page. */
export function DownloadLink({
  content,
  filename,
  type = 'text/csv;charset=utf-8',
  className,
  children,
}: DownloadLinkProps) {
  const [href, setHref] = useState<string>();
  useEffect(() => {
    const url = URL.createObjectURL(new Blob([content], { type }));
    setHref(url);
    return () => URL.revokeObjectURL(url);
  }, [content, type]);
  return (
    <a className={className} href={href} download={filename}>
      {children}
    </a>
  );
}
