import { mailHostOf, originOf } from '../hosts/host-origins';
import { isApprovedPortal } from '../portals/approval';

/**
 * Whether the page that embeds this sidebar frame may: a mail host, or a portal the user
 * approved. sidebar.html is web-accessible to every site (portals are known only at run time), so
 * another site could frame it (e.g. with a URL it read from an approved page); there it shows
 * nothing. The top page's origin comes from location.ancestorOrigins (Chromium), else the referrer.
 */
export async function embeddedWhereAllowed(): Promise<boolean> {
  // Not framed: a tab of its own (a reminder, a board or the popup opened a customer). No page
  // can overlay or read a top-level extension page, so there is nothing to refuse.
  if (window.top === window) return true;
  const ancestors = (location as Location & { ancestorOrigins?: DOMStringList }).ancestorOrigins;
  const top = ancestors && ancestors.length > 0 ? ancestors.item(ancestors.length - 1) : originOf(document.referrer);
  if (!top || top === 'null') return false;
  if (mailHostOf(`${top}/`)) return true;
  return isApprovedPortal(top);
}
