import { useEffect, useState } from 'preact/hooks';
import { t } from '../../i18n';
import { loadSidebarDisplay, saveSidebarDisplay, sidePanelAvailable, type SidebarDisplay } from '../../mount/display-settings';

/** Where the sidebar shows: beside the mail (the injected column) or in the browser's side panel. */
export function DisplayPanel() {
  const [display, setDisplay] = useState<SidebarDisplay | null>(null);
  useEffect(() => void loadSidebarDisplay().then(setDisplay), []);
  if (!display || !sidePanelAvailable()) return null;
  const choose = (next: SidebarDisplay): void => {
    setDisplay(next);
    void saveSidebarDisplay(next);
  };
  return (
    <section class="card" data-testid="display-panel">
      <h2 class="card-title">{t('display.title')}</h2>
      {(['column', 'side-panel'] as const).map((value) => (
        <label key={value} class="choice">
          <input type="radio" name="sidebarDisplay" value={value} checked={display === value} onChange={() => choose(value)} />{' '}
          {t(value === 'column' ? 'display.column' : 'display.sidePanel')}
        </label>
      ))}
      <p class="muted small">{t('display.hint')}</p>
    </section>
  );
}
