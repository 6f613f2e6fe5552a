/** What every mail template is made of; each module's templates use these. */
export type Template<P> = (p: P) => { subject: string; text: string };

export const signature = { sv: '\n\nVänliga hälsningar\nBollplank', en: '\n\nKind regards\nBollplank' };
