import { v7 as uuidv7 } from 'uuid';
import { EMPTY_CONTACT_FIELDS, type Contact } from '../../../shared/schemas/contact';
import { EMPTY_CUSTOMER_FIELDS, type Customer } from '../../../shared/schemas/customer';
import type { TimelineItem } from '../../../shared/schemas/timeline';
import { createLocalDb, type LocalDb } from '../../../extension/local-db/db';
import { toLocalContact, toLocalCustomer, type LocalContact, type LocalCustomer } from '../../../extension/local-db/local-rows';

/** A fresh database per test (fake-indexeddb is set up for the whole project). */
export function freshDb(): LocalDb {
  return createLocalDb(`test-${uuidv7()}`);
}

const NOW = '2026-03-01T10:00:00.000Z';

/** A synced customer row (as the server sends it). */
export function customer(over: Partial<Customer> = {}): Customer {
  return {
    ...EMPTY_CUSTOMER_FIELDS,
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
    ...EMPTY_CONTACT_FIELDS,
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
    private: false,
    createdAt: NOW,
    ...over,
  };
}

/** The same rows as the replica stores them, with their derived keys. */
export function localCustomer(over: Partial<Customer> = {}): LocalCustomer {
  return toLocalCustomer(customer(over));
}
export function localContact(customerId: string, over: Partial<Contact> = {}): LocalContact {
  return toLocalContact(contact(customerId, over));
}
