/**
 * The only texts the content script shows (the launcher button, the iframe's title). A separate module so the
 * content script bundle does not carry the whole sidebar dictionaries.
 */
export const launcherEn = {
  'launcher.toggle': 'Show or hide the customer sidebar',
  'launcher.openPanel': 'Open the customer side panel',
  'launcher.label': 'CRM',
  'frame.title': 'Customer sidebar',
} as const;

export const launcherZhCN: Record<keyof typeof launcherEn, string> = {
  'launcher.toggle': '显示或隐藏客户侧栏',
  'launcher.openPanel': '打开客户侧边面板',
  'launcher.label': 'CRM',
  'frame.title': '客户侧栏',
};

export function launcherText(key: keyof typeof launcherEn, tag = navigator.language): string {
  return (tag.toLowerCase().startsWith('zh') ? launcherZhCN : launcherEn)[key];
}
