import type { Database, Queryable } from '../database';
import { appliedMutationsRepository } from './applied-mutations';
import { authTokensRepository } from './auth-tokens';
import { changeLogRepository } from './change-log';
import { contactsRepository } from './contacts';
import { customFieldDefinitionsRepository } from './custom-field-definitions';
import { customerDependentsRepository } from './customer-dependents';
import { customersRepository } from './customers';
import { followUpRulesRepository } from './follow-up-rules';
import { followUpsRepository } from './follow-ups';
import { importDataRepository } from './import-data';
import { importPlansRepository } from './import-plans';
import { matchChoicesRepository } from './match-choices';
import { organisationsRepository } from './organisations';
import { orgSettingsRepository } from './org-settings';
import { serviceItemsRepository } from './service-items';
import { signInCodesRepository } from './sign-in-codes';
import { timelineItemsRepository } from './timeline-items';
import { usersRepository } from './users';
import { visitsRepository } from './visits';
// Issue 5: mail and calendar ingestion.
import { importedItemsRepository } from './imported-items';
import { linkLookupsRepository } from './link-lookups';
import { mailAccountsRepository } from './mail-accounts';
import { neverLogRepository } from './never-log';
import { oauthStatesRepository } from './oauth-states';
import { syncChannelsRepository } from './sync-channels';
// Issue 7
import { auditEventsRepository } from './audit-events';
import { departmentsRepository } from './departments';
import { signInFailuresRepository } from './sign-in-failures';
import type { AuditActor } from './audit-actor';
// Issue 4 fed by issue 5.
import { threadMessagesRepository } from './thread-messages';
// Issue 8: work leases.
import { jobLeasesRepository } from './job-leases';
import { timelinePageRepository } from './timeline-page';
// Issue 9: the managers' dashboard.
import { reportsRepository } from './reports/index';

export function createRepositories(q: Queryable) {
  const repos = {
    organisations: organisationsRepository(q),
    users: usersRepository(q),
    signInCodes: signInCodesRepository(q),
    authTokens: authTokensRepository(q),
    customers: customersRepository(q),
    contacts: contactsRepository(q),
    matchChoices: matchChoicesRepository(q),
    customFieldDefinitions: customFieldDefinitionsRepository(q),
    timelineItems: timelineItemsRepository(q),
    appliedMutations: appliedMutationsRepository(q),
    changeLog: changeLogRepository(q),
    importPlans: importPlansRepository(q),
    importData: importDataRepository(q),
    // Issue 4
    orgSettings: orgSettingsRepository(q),
    followUps: followUpsRepository(q),
    serviceItems: serviceItemsRepository(q),
    visits: visitsRepository(q),
    // Issue 5
    mailAccounts: mailAccountsRepository(q),
    syncChannels: syncChannelsRepository(q),
    importedItems: importedItemsRepository(q),
    linkLookups: linkLookupsRepository(q),
    neverLog: neverLogRepository(q),
    oauthStates: oauthStatesRepository(q),
    // Issue 4 (follow-ups): what the cadence, care and reply rules read.
    followUpRules: followUpRulesRepository(q),
    // Issue 4 fed by issue 5: an imported conversation as one mailbox holds it.
    threadMessages: threadMessagesRepository(q),
    // Issue 8
    jobLeases: jobLeasesRepository(q),
    timelinePage: timelinePageRepository(q),
    // Issue 7
    departments: departmentsRepository(q),
    auditEvents: auditEventsRepository(q),
    signInFailures: signInFailuresRepository(q),
    // Issue 9
    reports: reportsRepository(q),
  };
  const { contacts, timelineItems, followUps, serviceItems, visits } = repos;
  return {
    ...repos,
    customerDependents: customerDependentsRepository({ contact: contacts, timelineItem: timelineItems, followUp: followUps, serviceItem: serviceItems, visit: visits }),
  };
}
export type Repositories = ReturnType<typeof createRepositories>;

/**
 * What services get: repositories outside a transaction, and a way to run several repository
 * calls atomically. Services never see SQL or the driver. `actor` says who makes the change and
 * from which device: the audit trigger of every changed row reads it (migration 0007); a
 * transaction without one is recorded as the server's own work.
 */
export type Store = {
  repos: Repositories;
  transaction<T>(fn: (repos: Repositories) => Promise<T>, actor?: AuditActor): Promise<T>;
};

export function createStore(db: Database): Store {
  return {
    repos: createRepositories(db),
    // Transaction-local, so a pooled connection never carries it into the next use.
    transaction: (fn, actor) => db.transaction((tx) => fn(createRepositories(tx)), actor ? { 'crm.audit': JSON.stringify(actor) } : {}),
  };
}
