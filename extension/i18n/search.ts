/** Texts of customer and contact search in the sidebar and the popup; one file per feature keeps the dictionaries easy to review. */
export const searchEn = {
  'search.label': 'Search customers and contacts',
  'search.placeholder': 'Search name, pinyin, code, email, phone…',
  'search.clear': 'Clear search',
  'search.searching': 'Searching…',
  'search.noResults': 'No customer or contact matches “{text}”.',
  'search.failed': 'Search failed: {error}',
  'search.count': '{count} results',
  'search.hint': 'Try a name, pinyin (zhangwei) or initials (zw), a code, email, domain, phone or tax number.',
  'search.kind.customer': 'Customer',
  'search.kind.contact': 'Contact',
  'search.back': 'Back to the conversation',
  'search.selectedTitle': 'Found by search',
} as const;

export const searchZhCN: Record<keyof typeof searchEn, string> = {
  'search.label': '搜索客户和联系人',
  'search.placeholder': '搜索名称、拼音、编号、邮箱、电话…',
  'search.clear': '清除搜索',
  'search.searching': '正在搜索…',
  'search.noResults': '没有与“{text}”匹配的客户或联系人。',
  'search.failed': '搜索失败：{error}',
  'search.count': '{count} 个结果',
  'search.hint': '可输入名称、拼音（zhangwei）或首字母（zw）、编号、邮箱、域名、电话或税号。',
  'search.kind.customer': '客户',
  'search.kind.contact': '联系人',
  'search.back': '返回当前邮件',
  'search.selectedTitle': '搜索结果',
};
