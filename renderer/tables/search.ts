/** The audit log's text filter: every word typed must appear somewhere in the record. The main tables use app/search. */

/** The query's words, lower-cased; an empty list matches everything. */
export function queryTerms(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter(Boolean);
}

/** Joins a row's searchable fields once, so filtering 10,000 rows is 10,000 substring checks per word. */
export function searchText(fields: ReadonlyArray<string | number | undefined>): string {
  return fields.filter((f) => f !== undefined && f !== '').join('\u0000').toLowerCase();
}

export function matchesTerms(text: string, terms: readonly string[]): boolean {
  return terms.every((term) => text.includes(term));
}
