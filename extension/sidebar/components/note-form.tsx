import { useState } from 'preact/hooks';
import { t } from '../../i18n';
import { useSidebarData } from '../data/sidebar-data';

export function NoteForm({ customerId, threadId }: { customerId: string; threadId: string | null }) {
  const data = useSidebarData();
  const [text, setText] = useState('');
  const [isPrivate, setPrivate] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (!text.trim()) return;
    try {
      await data.addNote(customerId, text, threadId, isPrivate);
      setText('');
      setPrivate(false);
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <form class="form note-form" onSubmit={(e) => void submit(e)}>
      <textarea
        name="note"
        rows={3}
        maxLength={10000}
        placeholder={t('note.placeholder')}
        value={text}
        onInput={(e) => setText(e.currentTarget.value)}
      />
      <label class="field-check">
        <input type="checkbox" name="private" data-testid="note-private" checked={isPrivate} onChange={(e) => setPrivate(e.currentTarget.checked)} />
        <span>{t('note.private')}</span>
      </label>
      <button type="submit" class="primary" data-testid="add-note" disabled={!text.trim()}>
        {t('note.add')}
      </button>
      {error && <p class="error">{t('unknown.saveFailed', { reason: error })}</p>}
    </form>
  );
}
