import { browser } from 'wxt/browser';

/** One customer as a page of its own: the sidebar page in a tab, selected by id (reminders, boards in the popup, the grid). */
export function openCustomerPage(customerId: string): void {
  void browser.tabs.create({ url: browser.runtime.getURL(`/sidebar.html?customer=${encodeURIComponent(customerId)}`) });
}

/** The monthly contact grid in its own tab (too wide for the sidebar). */
export function openContactGrid(): void {
  void browser.tabs.create({ url: browser.runtime.getURL('/grid.html') });
}

/** Issue 9: the dashboard in its own tab (charts and tables need the width). */
export function openDashboard(): void {
  void browser.tabs.create({ url: browser.runtime.getURL('/dashboard.html') });
}
