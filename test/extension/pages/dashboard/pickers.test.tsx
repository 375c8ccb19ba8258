// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { PeriodPicker } from '../../../../extension/pages/dashboard/period-picker';
import { ScopePicker, type ScopeChoice } from '../../../../extension/pages/dashboard/scope-picker';
import type { ReportPeriod } from '../../../../shared/schemas/reports';
import { $, click, tick, type } from '../../sidebar/render-sidebar';

let root: HTMLElement | undefined;
afterEach(() => {
  if (root) render(null, root);
  root?.remove();
});
const mount = (node: preact.ComponentChild) => {
  root = document.createElement('div');
  document.body.append(root);
  render(node, root);
  return root;
};

describe('the dashboard pickers', () => {
  it('passes on a custom range only once it is valid, and says what is wrong until then', async () => {
    const picked: ReportPeriod[] = [];
    const box = mount(<PeriodPicker initial="this-month" onChange={(p) => picked.push(p)} />);
    click($(box, 'input[value=last-month]'));
    await tick();
    expect(picked.at(-1)).toEqual({ kind: 'last-month' });
    click($(box, 'input[value=custom]'));
    await tick();
    expect(picked.at(-1)?.kind).toBe('custom');
    await type($(box, 'input[name=from]'), '2026-11-10');
    const before = picked.length;
    await type($(box, 'input[name=to]'), '2026-11-01');
    expect($(box, '[data-testid=period-invalid]')).not.toBeNull();
    expect(picked.length).toBe(before);
    await type($(box, 'input[name=to]'), '2026-11-30');
    expect($(box, '[data-testid=period-invalid]')).toBeNull();
    expect(picked.length).toBe(before + 1);
    expect(picked.at(-1)).toEqual({ kind: 'custom', from: '2026-11-10', to: '2026-11-30' });
    await type($(box, 'input[name=to]'), '2027-12-31');
    expect($(box, '[data-testid=period-invalid]')).not.toBeNull();
    expect(picked.length).toBe(before + 1);
  });

  it('shows no picker for a single scope, and an admin’s department list with the department scope', async () => {
    expect(mount(<ScopePicker scopes={['me']} value={{ scope: 'me' }} onChange={() => undefined} departments={null} />).textContent).toBe('');
    render(null, root!);
    const chosen: ScopeChoice[] = [];
    const departments = [
      { id: '01a20796-0000-7000-8000-0000000000d1', name: '华东销售部' },
      { id: '01a20796-0000-7000-8000-0000000000d2', name: '华南销售部' },
    ] as never;
    const box = mount(<ScopePicker scopes={['organisation', 'department', 'me']} value={{ scope: 'organisation' }} onChange={(c) => chosen.push(c)} departments={departments} />);
    click($(box, 'input[value=department]'));
    await tick();
    expect(chosen.at(-1)).toEqual({ scope: 'department', departmentId: '01a20796-0000-7000-8000-0000000000d1' });
  });
});
