/**
 * Words people put in spreadsheets for the closed sets of the customer file, in English and
 * Chinese, compared after wordKey(). The canonical values themselves are accepted too.
 */
export const ENUM_WORDS = {
  valueTier: {
    strategic: ['strategic', '战略', '战略客户'],
    important: ['important', '重要', '重要客户'],
    general: ['general', '一般', '普通', '一般客户', '普通客户'],
    potential: ['potential', '潜在', '潜在客户'],
  },
  pyramidStage: {
    lead: ['lead', '线索', '线索客户'],
    potential: ['potential', '潜在', '潜在客户'],
    transacting: ['transacting', '交易', '成交', '交易客户', '成交客户'],
    important: ['important', '重要', '重要客户'],
    strategic: ['strategic', '战略', '战略客户'],
  },
  relationshipStage: {
    breakthrough: ['breakthrough', '突破', '突破期'],
    consolidation: ['consolidation', '巩固', '巩固期'],
    growth: ['growth', '成长', '发展', '增长', '成长期', '发展期'],
    harvest: ['harvest', '收获', '收获期', '成熟期'],
    defence: ['defence', 'defense', '防御', '防御期'],
    hibernation: ['hibernation', '休眠', '休眠期'],
    suspension: ['suspension', '中止', '暂停', '终止', '中止期'],
  },
  leadSource: {
    web_research: ['web_research', 'web research', 'web', 'online', 'internet', '网络', '网络调研', '网络搜索', '网上', '互联网'],
    advertising: ['advertising', 'advertisement', 'ad', 'ads', '广告'],
    referral: ['referral', 'referred', '推荐', '介绍', '转介绍', '客户介绍'],
    event: ['event', 'exhibition', 'trade show', 'fair', '展会', '活动', '展会活动', '会议', '展览会'],
    other: ['other', '其他', '其它'],
  },
  buyingRole: {
    decision_maker: ['decision_maker', 'decision maker', 'decider', '决策者', '决策人', '拍板人'],
    influencer: ['influencer', '影响者', '影响人'],
    supporter: ['supporter', 'champion', '支持者'],
    user: ['user', 'end user', '使用者', '用户', '使用人'],
  },
  preferredChannel: {
    email: ['email', 'e-mail', 'mail', '邮件', '邮箱', '电子邮件'],
    phone: ['phone', 'telephone', 'call', '电话', '手机'],
    wechat: ['wechat', 'weixin', '微信'],
    visit: ['visit', 'in person', 'meeting', '拜访', '上门', '上门拜访', '面谈', '见面'],
    other: ['other', '其他', '其它'],
  },
  historyKind: {
    note: ['note', 'notes', 'memo', '备注', '笔记', '记录', '其他'],
    call: ['call', 'phone', 'phone call', '电话', '通话', '来电', '去电', '电话沟通'],
    visit: ['visit', '拜访', '上门', '走访', '上门拜访'],
    meeting: ['meeting', '会议', '会面', '见面', '开会'],
    email: ['email', 'e-mail', 'mail', '邮件', '电子邮件'],
  },
  serviceType: {
    complaint: ['complaint', 'complain', '投诉', '客诉', '抱怨', '投诉单'],
    request: ['request', 'inquiry', 'enquiry', 'question', 'service request', '请求', '咨询', '询问', '服务请求', '需求', '报修'],
  },
  serviceChannel: {
    email: ['email', 'e-mail', 'mail', '邮件', '电子邮件'],
    phone: ['phone', 'telephone', 'call', 'hotline', '电话', '来电', '热线'],
    portal: ['portal', 'web', 'website', 'online', '门户', '网站', '网上', '在线'],
    visit: ['visit', 'in person', 'walk-in', '拜访', '上门', '来访', '现场'],
    chat: ['chat', 'wechat', 'im', '微信', '即时消息', '在线客服'],
    other: ['other', '其他', '其它'],
  },
  boolean: {
    true: ['true', 'yes', 'y', '1', '是', '对', '√', '✓', '✔', 'x'],
    false: ['false', 'no', 'n', '0', '否', '不是', '×', '✗'],
  },
  currency: {
    CNY: ['cny', 'rmb', '人民币', '元', '¥', '￥'],
    USD: ['usd', 'us$', '$', '美元', '美金'],
    EUR: ['eur', '€', '欧元'],
    JPY: ['jpy', '日元'],
    HKD: ['hkd', '港币', '港元'],
    GBP: ['gbp', '£', '英镑'],
  },
} as const;

export type EnumName = keyof typeof ENUM_WORDS;

/** Case, width, spaces and punctuation do not matter ("Decision-Maker" = "decision maker"). */
export function wordKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s_\-.·:：]+/g, '');
}

const lookup = new Map<EnumName, Map<string, string>>(
  (Object.keys(ENUM_WORDS) as EnumName[]).map((name) => [
    name,
    new Map(
      Object.entries(ENUM_WORDS[name] as Record<string, readonly string[]>).flatMap(([value, words]) =>
        words.map((w) => [wordKey(w), value] as const),
      ),
    ),
  ]),
);

export function lookupWord(name: EnumName, text: string): string | null {
  return lookup.get(name)!.get(wordKey(text)) ?? null;
}

/** The canonical values of a set, for "must be one of …" messages. */
export function valuesOf(name: EnumName): string[] {
  return Object.keys(ENUM_WORDS[name]);
}
