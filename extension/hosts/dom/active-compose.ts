import { isHiddenByMarkup } from './clean-text';

/**
 * Which open compose window the user is working in. Compose windows stay open while the user
 * reads other threads (Gmail's moles), so an open one is not enough: the user must have focused
 * it, and not focused anything else on the page since. Focus in our own sidebar (adding a note
 * while writing) keeps the choice. Module state, one per content script: the watcher reads
 * again on every focus change.
 */
let lastWorkedIn: Element | null = null;

const SIDEBAR = '[data-inbox-crm-wrapper="sidebar"]';

export function focusedCompose(doc: Document, composes: readonly Element[]): Element | null {
  const active = doc.activeElement;
  // Clicking into the page elsewhere (even on plain text: focus goes to <body>) ends it.
  if (!active?.closest(SIDEBAR)) lastWorkedIn = (active && composes.find((c) => c.contains(active))) ?? null;
  return lastWorkedIn && composes.includes(lastWorkedIn) ? lastWorkedIn : null;
}

/** The visible compose roots, in document order (the newest mole is last). */
export function visibleComposes(doc: Document, selector: string, max = 20): Element[] {
  return [...doc.querySelectorAll(selector)].filter((el) => !isHiddenByMarkup(el)).slice(-max);
}
