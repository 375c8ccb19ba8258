/**
 * The selectors the portal adapter uses on every approved page, whatever its rule (house rule 2).
 * A portal's own selectors are in its rule (shared/schemas/portal-rules.ts); the shipped rule
 * pack's are counted on its fixture pages in test/fixtures/portal/expected-contexts.json. Counts
 * of these per fixture page: test/fixtures/portal/selector-counts.json.
 */
export const portalSelectors = {
  /** Links that name an address (any portal). Fixtures: 0–2 per page. */
  mailtoLink: 'a[href^="mailto:" i]',
} as const;
