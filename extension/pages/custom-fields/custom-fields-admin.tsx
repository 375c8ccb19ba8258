import type { CustomFieldDefinition } from '../../../shared/schemas/custom-field';
import { t } from '../../i18n';
import { getLocalDb } from '../../local-db/db';
import { live } from '../../local-db/live';
import { deleteCustomField } from '../../local-db/mutations/save-custom-field';
import { customFieldDefinitions } from '../../local-db/queries/custom-field-definitions';
import { sendToBackground } from '../../messaging/runtime-client';
import { useLive } from '../../sidebar/hooks/use-live';
import { useState } from 'preact/hooks';
import { CustomFieldForm } from './custom-field-form';

/**
 * The admin's editor for the organisation's custom fields (options page). Saved like every other
 * change: locally first, then synced; the server accepts it only from an admin.
 */
export function CustomFieldsAdmin() {
  const definitions = useLive(() => live(() => customFieldDefinitions(getLocalDb())), []);
  const [editing, setEditing] = useState<CustomFieldDefinition | 'new' | null>(null);
  if (!definitions) return null;
  const done = (): void => {
    setEditing(null);
    void sendToBackground({ type: 'sync-now' }).catch(() => undefined);
  };
  return (
    <section class="section" data-testid="custom-fields-admin">
      <h2>{t('fields.title')}</h2>
      <p class="muted">{t('fields.hint')}</p>
      {definitions.length === 0 && <p class="muted">{t('fields.empty')}</p>}
      <ul class="field-list">
        {definitions.map((d) =>
          editing !== 'new' && editing?.id === d.id ? (
            <li key={d.id}>
              <CustomFieldForm existing={d} onDone={done} onCancel={() => setEditing(null)} />
            </li>
          ) : (
            <li key={d.id} data-testid="custom-field" data-key={d.key}>
              <strong>{d.label}</strong> <code>{d.key}</code> · {t(`fields.type.${d.type}`)}
              {d.type === 'select' && <span class="muted"> ({d.options.join(' / ')})</span>}{' '}
              <button type="button" onClick={() => setEditing(d)}>
                {t('fields.edit')}
              </button>
              <button type="button" onClick={() => void remove(d, done)}>
                {t('fields.delete')}
              </button>
            </li>
          ),
        )}
      </ul>
      {editing === 'new' ? (
        <CustomFieldForm existing={null} onDone={done} onCancel={() => setEditing(null)} />
      ) : (
        <button type="button" data-testid="add-custom-field" onClick={() => setEditing('new')}>
          {t('fields.add')}
        </button>
      )}
    </section>
  );
}

async function remove(definition: CustomFieldDefinition, done: () => void): Promise<void> {
  if (!window.confirm(t('fields.confirmDelete', { label: definition.label }))) return;
  await deleteCustomField(getLocalDb(), definition.id);
  done();
}
