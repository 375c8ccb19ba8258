import type { Participant } from '../../../shared/schemas/host-context';
import { t } from '../../i18n';

/** Above the customer while writing: who the message goes to (text only, like every page value). */
export function ComposeBanner({ person }: { person: Participant }) {
  return (
    <p class="muted small" data-testid="compose-banner" data-email={person.email}>
      {t('compose.writingTo', { name: person.name || person.email })}
    </p>
  );
}
