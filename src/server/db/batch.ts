/**
 * Rows per INSERT in a batch: PostgreSQL allows 65 535 bound values per statement and SQLite 32 766
 * by default, so tables of up to ~15 columns × 1 000 rows stay well below both.
 */
export const batchRows = 1_000;

export function chunk<T>(items: readonly T[], size: number = batchRows): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
