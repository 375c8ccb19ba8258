import { v7 as uuidv7 } from 'uuid';
import type { Contact } from '../../../shared/schemas/contact';
import type { Customer } from '../../../shared/schemas/customer';
import type { TimelineItem } from '../../../shared/schemas/timeline';
import { createLocalDb, type LocalDb } from '../../../extension/local-db/db';

/** A fresh database per test (fake-indexeddb is set up for the whole project). */
export function freshDb(): LocalDb {
  return createLocalDb(`test-${uuidv7()}`);
}

const NOW = '2026-03-01T10:00:00.000Z';

export function customer(over: Partial<Customer> = {}): Customer {
  return {
    id: uuidv7(),
    name: 'Northwind',
    customerClass: 'A',
    ownerUserId: null,
    emailDomains: ['northwind.example'],
    createdAt: NOW,
    updatedAt: NOW,
    version: 1,
    ...over,
  };
}

export function contact(customerId: string, over: Partial<Contact> = {}): Contact {
  return {
    id: uuidv7(),
    customerId,
    name: 'Olivia Park',
    emails: ['olivia.park@northwind.example'],
    createdAt: NOW,
    updatedAt: NOW,
    version: 1,
    ...over,
  };
}

export function timelineItem(customerId: string, over: Partial<TimelineItem> = {}): TimelineItem {
  return {
    id: uuidv7(),
    customerId,
    kind: 'email',
    occurredAt: NOW,
    authorUserId: null,
    contactIds: [],
    summary: 'hello',
    sourceRef: null,
    createdAt: NOW,
    ...over,
  };
}
