/** Texts of issue 6: compose, portals, the side panel (one file per feature keeps the dictionaries easy to review). */
export const hostsEn = {
  'state.noRecipient': 'Writing a message',
  'state.noRecipientHint': 'Add a recipient outside your company to see their customer.',
  'compose.writingTo': 'Writing to {name}',
} as const;

export const hostsZhCN: Record<keyof typeof hostsEn, string> = {
  'state.noRecipient': '正在写邮件',
  'state.noRecipientHint': '添加一位公司外部的收件人，即可查看对应客户。',
  'compose.writingTo': '收件人：{name}',
};
