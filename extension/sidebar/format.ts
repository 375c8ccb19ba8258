import { language } from '../i18n';

/** Numbers and money in the UI language's conventions (200,000 / 200.000 / ¥200,000.00). */
export function formatNumber(value: number): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(value);
}

export function formatMoney(value: number, currency: string): string {
  try {
    return new Intl.NumberFormat(language, { style: 'currency', currency, maximumFractionDigits: 2 }).format(value);
  } catch {
    // A code Intl does not accept (the schema only checks its shape): number and code as text.
    return `${formatNumber(value)} ${currency}`;
  }
}

/** A date (YYYY-MM-DD or an instant) in the UI language, without the time. */
export function formatDate(iso: string): string {
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleDateString(language, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: /T/.test(iso) ? undefined : 'UTC' });
}

/**
 * The link target for a website field, or null: only http(s) becomes a link (house rule 10; a
 * `javascript:` or `data:` value is shown as text). A bare `example.com` gets https://.
 */
export function safeHref(website: string): string | null {
  const text = website.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`;
  try {
    const url = new URL(withScheme);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}
