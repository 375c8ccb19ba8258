import { useState } from 'preact/hooks';
import type { FollowUp } from '../../../shared/schemas/follow-up';
import { t } from '../../i18n';
import { suggestedGreeting } from './phrasing';

/** A care follow-up's suggested greeting in the reader's language, ready to copy into a message. */
export function Greeting({ followUp, names }: { followUp: FollowUp; names: { customerName: string; contactName: string | null } }) {
  const [copied, setCopied] = useState(false);
  const text = suggestedGreeting(followUp, names);
  if (!text) return null;
  const copy = () =>
    navigator.clipboard.writeText(text).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  return (
    <div class="greeting" data-testid="greeting">
      <span class="small muted-inline">{t('followUp.greeting')}</span>
      <p class="pre">{text}</p>
      <button type="button" class="link" onClick={() => void copy()}>
        {copied ? t('followUp.copied') : t('followUp.copy')}
      </button>
    </div>
  );
}
