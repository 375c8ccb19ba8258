/**
 * extension page → content script (tabs.sendMessage): "which context does this tab show now?".
 * The side panel asks it when it starts and when the user switches tabs; a tab without our
 * content script does not answer, which means "no conversation here". Kept apart from
 * protocol.ts so content scripts do not bundle its schemas.
 */
export const GET_CONTEXT = 'crm-get-context';

/** popup → portal content script: let the user point at the element holding a clue of `kind`. */
export const PICK_MESSAGE = 'crm-pick';
