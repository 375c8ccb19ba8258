/** Texts of issue 6: compose, portals, the side panel (one file per feature keeps the dictionaries easy to review). */
export const hostsEn = {
  'state.noRecipient': 'Writing a message',
  'state.noRecipientHint': 'Add a recipient outside your company to see their customer.',
  'compose.writingTo': 'Writing to {name}',
  'display.title': 'Where the sidebar shows',
  'display.column': 'Beside the mail, in the page',
  'display.sidePanel': "In the browser's side panel (open it with the CRM button or from the toolbar)",
  'display.hint': 'Applies to mail tabs opened or reloaded from now on.',
  'popup.openSidePanel': 'Open the side panel',
} as const;

export const hostsZhCN: Record<keyof typeof hostsEn, string> = {
  'state.noRecipient': '正在写邮件',
  'state.noRecipientHint': '添加一位公司外部的收件人，即可查看对应客户。',
  'compose.writingTo': '收件人：{name}',
  'display.title': '侧栏显示位置',
  'display.column': '在邮件旁边（页面内）',
  'display.sidePanel': '在浏览器侧边面板中（点击 CRM 按钮或工具栏打开）',
  'display.hint': '对之后打开或刷新的邮件标签页生效。',
  'popup.openSidePanel': '打开侧边面板',
};
