/**
 * Text that tries to become markup or code, or to fool a reader, for the hostile-content tests.
 * Each payload, if it were ever parsed as HTML or run, would set `window.__pwned`.
 */
export const HOSTILE = {
  script: '<script>window.__pwned="script"</script>',
  onerror: '"><img src=x onerror="window.__pwned=\'img\'">',
  svg: '<svg onload="window.__pwned=\'svg\'"></svg>',
  javascriptUrl: 'javascript:window.__pwned="url"',
  iframe: '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
  rtl: 'invoice\u202Efdp.exe',
  zeroWidth: 'Zero\u200Bwidth\u200D\uFEFFjoiner',
  chinese: '上海<b>宝钢</b>&amp;集团',
} as const;

/** All payloads in one line (a name, a note, a subject). */
export const HOSTILE_LINE = Object.values(HOSTILE).join(' ');

/** A 1 MB name: far past every field's limit, and past what a page should ever hand the sidebar. */
export const MEGABYTE_NAME = `巨`.repeat(350_000);
