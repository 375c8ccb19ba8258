import { customerFileEn } from './customer-file';
import { customFieldsAdminEn } from './custom-fields-admin';
import { followUpsEn } from './follow-ups';
import { importExportEn } from './import-export';
import { launcherEn } from './launcher';
import { searchEn } from './search';
import { mailEn } from './mail';
import { trustEn } from './trust';
// Issue 8
import { serverTimelineEn } from './server-timeline';
import { hostsEn } from './hosts';
import { serviceVisitsEn } from './service-visits';

/** English texts; the key set is the contract every other language must match (see zh-cn.ts). */
export const en = {
  'app.title': 'Inbox CRM',
  'state.signedOut': 'You are signed out.',
  'state.signedOutHint': 'Sign in to see customers beside your mail.',
  'state.openOptions': 'Sign in',
  'state.unreadable': "Can't read this page",
  'state.unreadableHint': 'This page changed how it looks, or it is still loading. Open the conversation again.',
  'state.noThread': 'No conversation open',
  'state.noThreadHint': 'Open an email to see who the customer is.',
  'state.noSender': 'No customer address here: only you or colleagues wrote, or the page does not show the sender\'s address.',
  'unknown.title': 'Not a customer yet',
  'unknown.sender': '{name} <{email}>',
  'unknown.customerName': 'Customer name',
  'unknown.contactName': 'Contact name',
  'unknown.create': 'Create customer',
  'unknown.saveFailed': 'Could not save: {reason}',
  'card.class': 'Class',
  'card.classNone': 'Not classified',
  'card.owner': 'Owner',
  'card.ownerNone': 'Unassigned',
  'card.contact': 'Contact',
  'card.contactUnknown': '{email} (not a contact yet)',
  'card.matchedBy': 'Matched by',
  'card.reasonContact': 'contact',
  'card.reasonDomain': 'domain {domain}',
  'timeline.title': 'Timeline',
  'timeline.empty': 'Nothing on the timeline yet.',
  'timeline.kind.email': 'Email',
  'timeline.kind.meeting': 'Meeting',
  'timeline.kind.visit': 'Visit',
  'timeline.kind.call': 'Call',
  'timeline.kind.note': 'Note',
  'timeline.kind.follow_up': 'Follow-up',
  'timeline.kind.complaint': 'Complaint',
  'timeline.kind.satisfaction': 'Satisfaction',
  'timeline.kind.care': 'Care',
  'note.placeholder': 'Add a note about this customer…',
  'note.add': 'Add note',
  'sync.offline': 'Offline',
  'sync.syncing': 'Syncing…',
  'sync.syncedAt': 'Synced at {time}',
  'sync.never': 'Not synced yet',
  'sync.failed': 'Sync failed; retrying shortly',
  'sync.signedOut': 'Signed out',
  'sync.pending': '{count} changes waiting',
  'rejected.title': 'Changes the server refused',
  'rejected.dismiss': 'Dismiss',
  'rejected.code.not_found': 'It no longer exists.',
  'rejected.code.forbidden': 'You may not make this change.',
  'rejected.code.invalid': 'The change was not valid.',
  'rejected.code.conflict': 'Someone changed it first.',
  // Set by the extension when the server refuses a change alone for its size (413).
  'rejected.code.too_large': 'Too large for the server to accept; copy what you need, then dismiss it.',
  'mutation.customer.create': 'New customer',
  'mutation.customer.update': 'Customer update',
  'mutation.customer.delete': 'Customer deletion',
  'mutation.contact.create': 'New contact',
  'mutation.note.create': 'Note',
  'mutation.contact.update': 'Contact update',
  'mutation.contact.delete': 'Contact deletion',
  'mutation.matchChoice.set': 'Customer picked for an address',
  'mutation.customField.save': 'Custom field definition',
  'mutation.customField.delete': 'Custom field deletion',
  'options.title': 'Inbox CRM settings',
  'options.serverUrl': 'Server URL',
  'options.email': 'Email',
  'options.signIn': 'Sign in',
  'options.signingIn': 'Signing in…',
  'options.signedInAs': 'Signed in as {name} <{email}> · {organisation}',
  'options.signOut': 'Sign out',
  'options.confirmSignOut': '{count} changes have not reached the server yet and will be lost. Sign out anyway?',
  'options.syncNow': 'Sync now',
  'options.permissionDenied': 'Access to {origin} was not granted.',
  'options.badUrl': 'Enter a server URL such as http://127.0.0.1:8787',
  'options.lastError': 'Last error: {error}',
  'options.error.invalid': 'Check the server URL, the email and the code (at least 8 characters).',
  'options.error.network': 'Could not reach the server. Is it running?',
  'options.error.rejected': 'The server did not accept this email and code.',
  'popup.openOptions': 'Settings',
  // Issue 9 (the dashboard's own texts: ./reports.ts)
  'popup.openDashboard': 'Dashboard',
  ...launcherEn,
  ...customerFileEn,
  ...customFieldsAdminEn,
  ...searchEn,
  ...importExportEn,
  // Issue 5
  ...mailEn,
  // Issue 7
  ...trustEn,
  // Issue 6: hosts, compose, portals, side panel.
  ...hostsEn,
  ...followUpsEn,
  // Issue 4B: service requests and complaints, visits.
  ...serviceVisitsEn,
  // Issue 8: a customer's timeline from the server.
  ...serverTimelineEn,
} as const;

export type MessageKey = keyof typeof en;
