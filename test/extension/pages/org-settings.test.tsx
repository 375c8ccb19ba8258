// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { getLocalDb } from '../../../extension/local-db/db';
import { OrgSettingsEditor } from '../../../extension/pages/org-settings/org-settings-editor';
import { orgSettingsOf } from '../../../extension/local-db/queries/org-settings';
import { $, click, signIn, submit, type, waitFor } from '../sidebar/render-sidebar';

let root: HTMLElement | undefined;
afterEach(() => {
  if (root) render(null, root);
  root?.remove();
});

describe('organisation rules editor (options page, admins)', () => {
  it('names each refused value beside its field, saves nothing, then saves only the groups that changed', async () => {
    const db = getLocalDb();
    await signIn(db);
    root = document.createElement('div');
    document.body.append(root);
    render(<OrgSettingsEditor />, root);
    const editor = await waitFor(() => $(root!, '[data-testid="org-settings-editor"]'), 'editor');
    await type($(editor, 'input[name="cadences.A.touchDays"]'), '0');
    await type($(editor, 'input[name="reminderHour"]'), '');
    await type($(editor, 'input[name="visits.proposalDays"]'), '61');
    click($(editor, '[data-testid="add-org-date"]'));
    await waitFor(() => $(editor, 'input[name="orgDate-0-name"]'), 'org date row');
    await type($(editor, 'select[name="orgDate-0-calendar"]'), 'lunar');
    await type($(editor, 'input[name="orgDate-0-month"]'), '1');
    await type($(editor, 'input[name="orgDate-0-day"]'), '15');
    submit($(editor, 'input[name="reminderHour"]'));
    await waitFor(() => $(editor, '[data-field="cadences.A.touchDays"]'), 'touch days error');
    expect($(editor, '[data-field="cadences.A.touchDays"]')!.textContent).toBe('Must be at least 1.');
    expect($(editor, '[data-field="reminderHour"]')!.textContent).toBe('Enter a number.');
    expect($(editor, '[data-field="visits.proposalDays"]')!.textContent).toBe('Must be at most 60.');
    expect($(editor, '[data-field="care.orgDates"]')!.textContent).toMatch(/entry 1/);
    expect(await db.outbox.count()).toBe(0);

    await type($(editor, 'input[name="cadences.A.touchDays"]'), '5');
    await type($(editor, 'input[name="reminderHour"]'), '9');
    await type($(editor, 'input[name="visits.proposalDays"]'), '3');
    await type($(editor, 'input[name="orgDate-0-name"]'), '元宵节');
    submit($(editor, 'input[name="reminderHour"]'));
    await waitFor(() => $(editor, '[data-testid="org-settings-message"]')?.textContent?.startsWith('Saved'), 'saved');
    const [entry] = await db.outbox.toArray();
    expect(entry?.mutation.kind).toBe('orgSettings.update');
    const patch = entry!.mutation.payload as Record<string, unknown>;
    expect(Object.keys(patch).sort()).toEqual(['cadences', 'care']);
    expect(patch.care).toMatchObject({ orgDates: [{ name: '元宵节', calendar: 'lunar', month: 1, day: 15 }] });
  });

  it('lets an admin change the new-customer target of the dashboard, refusing an impossible one', async () => {
    const db = getLocalDb();
    await Promise.all([db.outbox.clear(), db.orgSettings.clear()]);
    await signIn(db);
    root = document.createElement('div');
    document.body.append(root);
    render(<OrgSettingsEditor />, root);
    const editor = await waitFor(() => $(root!, '[data-testid="org-settings-editor"]'), 'editor');
    const target = $(editor, 'input[name="reports.newCustomersPerMonth"]') as HTMLInputElement;
    expect(target.value).toBe('3');
    expect(target.closest('label')!.textContent).toContain('New customers per rep per month');

    await type(target, '1001');
    submit(target);
    await waitFor(() => $(editor, '[data-field="reports.newCustomersPerMonth"]'), 'target error');
    expect($(editor, '[data-field="reports.newCustomersPerMonth"]')!.textContent).toBe('Must be at most 1000.');
    expect(await db.outbox.count()).toBe(0);

    await type(target, '5');
    submit(target);
    await waitFor(() => $(editor, '[data-testid="org-settings-message"]')?.textContent?.startsWith('Saved'), 'saved');
    expect($(editor, '[data-field="reports.newCustomersPerMonth"]')).toBeNull();
    const entries = await db.outbox.toArray();
    expect(entries.map((e) => e.mutation.kind)).toEqual(['orgSettings.update']);
    // Only its own group travels: the other rules an admin elsewhere may be changing are left alone.
    expect(entries[0]!.mutation.payload).toEqual({ reports: { newCustomersPerMonth: 5 } });
    expect((await orgSettingsOf(db)).reports.newCustomersPerMonth).toBe(5);
  });
});
