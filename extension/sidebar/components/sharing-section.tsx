import { useState } from 'preact/hooks';
import type { Customer } from '../../../shared/schemas/customer';
import type { Member } from '../../../shared/schemas/member';
import { t } from '../../i18n';

type Props = { customer: Customer; members: readonly Member[]; canShare: boolean; save: (sharedWith: string[]) => Promise<void> };

/**
 * Who else sees this customer (without its sensitive fields). Shown to those who see the file;
 * changed only by those with full access (the owner, their managers, admins).
 */
export function SharingSection({ customer, members, canShare, save }: Props) {
  const [editing, setEditing] = useState<Set<string> | null>(null);
  const nameOf = (id: string) => members.find((m) => m.id === id)?.displayName ?? id;
  const choices = members.filter((m) => m.active && m.id !== customer.ownerUserId);
  return (
    <section class="file-section" data-testid="section-sharing">
      <div class="section-head">
        <h3 class="section-title">{t('field.sharedWith')}</h3>
        {canShare && !editing && (
          <button type="button" class="link" data-testid="edit-sharing" onClick={() => setEditing(new Set(customer.sharedWith))}>
            {t('sharing.edit')}
          </button>
        )}
      </div>
      {editing ? (
        <form
          class="form"
          onSubmit={(e) => {
            e.preventDefault();
            void save([...editing]).then(() => setEditing(null));
          }}
        >
          {choices.map((m) => (
            <label key={m.id} class="field-check">
              <input
                type="checkbox"
                name="sharedWith"
                value={m.id}
                checked={editing.has(m.id)}
                onChange={(e) => {
                  const next = new Set(editing);
                  if (e.currentTarget.checked) next.add(m.id);
                  else next.delete(m.id);
                  setEditing(next);
                }}
              />
              <span>{m.displayName || m.email}</span>
            </label>
          ))}
          <div class="row">
            <button type="submit" class="primary" data-testid="save-sharing">
              {t('sharing.save')}
            </button>
            <button type="button" onClick={() => setEditing(null)}>
              {t('sharing.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <p data-testid="shared-with">{customer.sharedWith.length ? customer.sharedWith.map(nameOf).join(', ') : t('sharing.none')}</p>
      )}
    </section>
  );
}
