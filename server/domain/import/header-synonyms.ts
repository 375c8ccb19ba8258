import type { BaseTarget } from '../../../shared/schemas/import';

/**
 * Header texts (compared by headerKey) that name a field, in English and Chinese as CRM, ERP
 * and Excel exports write them. The UI labels of both languages (extension/i18n/import-export.ts)
 * are recognised too, so an exported file imports back unchanged (tested).
 */
export const HEADER_SYNONYMS: Partial<Record<BaseTarget, string[]>> = {
  'customer.code': ['客户编号', '客户编码', '客户代码', '编号', '编码', '客户号', 'code', 'customer code', 'customer no', 'customer number', 'account number', 'customer id'],
  'customer.name': ['客户名称', '名称', '公司名称', '客户', '公司', '单位名称', '企业名称', '客户全称', '公司全称', 'name', 'customer', 'customer name', 'company', 'company name', 'account', 'account name', 'organization', 'organisation'],
  'customer.shortNames': ['简称', '客户简称', '公司简称', '别名', 'short name', 'short names', 'alias', 'aliases'],
  'customer.taxNumber': ['税号', '纳税人识别号', '统一社会信用代码', '信用代码', '税务登记号', 'tax number', 'tax id', 'tax no', 'vat number', 'vat id'],
  'customer.customerClass': ['等级', '客户等级', '级别', '客户级别', '分类', '客户分类', '类别', 'class', 'customer class', 'level', 'grade', 'abc class', 'class a b c'],
  'customer.valueTier': ['价值等级', '价值层级', '客户价值', '价值分类', 'value tier', 'tier'],
  'customer.pyramidStage': ['客户阶段', '金字塔阶段', '金字塔层级', 'pyramid stage', 'customer stage', 'stage'],
  'customer.keyAccount': ['大客户', '重点客户', '是否大客户', '是否重点客户', 'key account', 'is key account'],
  'customer.keyAccountScore': ['大客户评分', '重点客户评分', '评分', 'key account score', 'score'],
  'customer.relationshipStage': ['关系阶段', '合作阶段', 'relationship stage'],
  'customer.leadSource': ['来源', '客户来源', '线索来源', '获客渠道', 'lead source', 'source'],
  'customer.owner': ['负责人', '业务员', '销售', '销售员', '客户经理', '销售代表', '归属人', '跟进人', 'owner', 'account owner', 'sales rep', 'salesperson', 'account manager'],
  'customer.emailDomains': ['邮箱域名', '域名', '邮件域名', 'email domain', 'email domains', 'domain', 'domains', 'mail domain'],
  'customer.email': ['公司邮箱', '企业邮箱', '单位邮箱', 'company email', 'company e-mail', 'general email'],
  'customer.tags': ['标签', '客户标签', 'tags', 'tag', 'labels'],
  'customer.profile.registeredOn': ['注册日期', '成立日期', '建档日期', '登记日期', '创建日期', 'registration date', 'registered on', 'date registered'],
  'customer.profile.country': ['国家', '国家地区', '国别', 'country'],
  'customer.profile.region': ['地区', '区域', '省份', '省', '所在地区', '省市', 'region', 'province', 'state', 'area'],
  'customer.profile.address': ['地址', '公司地址', '详细地址', '通讯地址', '注册地址', '办公地址', 'address', 'company address', 'street address'],
  'customer.profile.phone': ['公司电话', '总机', '单位电话', '办公电话', '座机', 'company phone', 'main phone', 'office phone', 'switchboard'],
  'customer.profile.fax': ['传真', '传真号', '传真号码', 'fax', 'fax number'],
  'customer.profile.website': ['网址', '网站', '主页', '官网', '公司网址', '公司网站', 'website', 'web site', 'web', 'url', 'homepage', 'home page'],
  'customer.profile.industry': ['行业', '所属行业', '行业类别', 'industry', 'sector'],
  'customer.profile.mainProducts': ['主要产品', '主营产品', '主营业务', '经营范围', 'main products', 'products'],
  'customer.profile.productionScale': ['生产规模', '规模', '企业规模', 'production scale', 'scale', 'company size'],
  'customer.profile.mainDownstreamCustomers': ['主要下游客户', '下游客户', 'main downstream customers', 'downstream customers'],
  'customer.valueCard.currency': ['币种', '货币', '币别', 'currency'],
  'customer.valueCard.cumulativeAmount': ['累计金额', '累计交易额', '累计销售额', '累计交易金额', 'cumulative amount', 'total amount', 'lifetime value'],
  'customer.valueCard.cumulativeQuantity': ['累计数量', '累计交易量', 'cumulative quantity', 'total quantity'],
  'customer.valueCard.thisYearAmount': ['本年金额', '今年金额', '本年销售额', '本年交易额', '年度金额', "this year's amount", 'this year amount', 'ytd amount', 'year to date'],
  'customer.valueCard.historicalAverage': ['历史平均', '历史均值', '历史平均金额', 'historical average'],
  'customer.valueCard.annualAverage': ['年均金额', '年平均', '年平均金额', 'annual average'],
  'customer.needs.capacity': ['产能需求', '容量需求', 'capacity needs', 'capacity'],
  'customer.needs.quality': ['质量需求', '品质需求', 'quality needs', 'quality'],
  'customer.needs.deliveryTime': ['交期需求', '交货期需求', '交期', 'delivery time needs', 'delivery-time needs', 'delivery time'],
  'customer.sensitive.bank': ['开户行', '开户银行', '银行', 'bank', 'bank name'],
  'customer.sensitive.bankAccount': ['银行账号', '银行帐号', '账号', '帐号', '银行账户', 'bank account', 'account no', 'iban'],
  'contact.name': ['联系人', '联系人姓名', '姓名', '联系人名称', 'contact', 'contact name', 'contact person', 'full name', 'person'],
  'contact.title': ['职务', '职位', '职称', '联系人职务', '岗位', 'title', 'contact title', 'job title', 'position', 'role title'],
  'contact.emails': ['联系人邮箱', '联系人邮件', '联系人电子邮件', 'contact email', 'contact emails', 'contact e-mail'],
  'contact.phones': ['联系人电话', '联系人手机', '联系方式', 'contact phone', 'contact phones', 'contact mobile'],
  'contact.buyingRole': ['采购角色', '决策角色', '角色', 'buying role', 'role'],
  'contact.relationshipStrength': ['关系强度', '亲密度', '关系程度', 'relationship strength', 'relationship'],
  'contact.preferredChannel': ['首选渠道', '偏好渠道', '联系偏好', '首选联系方式', 'preferred channel', 'channel'],
  'contact.birthday': ['生日', '出生日期', '联系人生日', 'birthday', 'date of birth', 'birth date', 'dob'],
  'contact.notes': ['联系人备注', 'contact notes'],
  'history.occurredAt': ['日期', '日期时间', '时间', '发生时间', '跟进时间', '拜访时间', '沟通时间', '记录时间', 'date', 'time', 'date and time', 'occurred at', 'when'],
  'history.kind': ['类型', '方式', '跟进方式', '沟通方式', '记录类型', 'kind', 'type', 'activity type'],
  'history.summary': ['内容', '摘要', '跟进内容', '沟通内容', '记录内容', '拜访记录', '说明', 'summary', 'description', 'details', 'content', 'subject'],
  'followUp.dueAt': ['待办跟进：到期时间', 'open follow-up: due', '下次跟进时间', '下次跟进日期', '下次联系时间', '计划跟进时间', '跟进计划时间', '待办时间', '提醒时间', '到期时间', 'next follow-up', 'next follow-up date', 'follow-up date', 'follow-up due', 'due', 'due date', 'next contact'],
  'followUp.reason': ['待办跟进：事项', 'open follow-up: what to do', '下次跟进内容', '下次跟进事项', '跟进计划', '待办事项', '下一步', '下一步计划', 'next step', 'next steps', 'follow-up reason', 'to do', 'todo'],
  'followUp.owner': ['待办跟进：负责人', 'open follow-up: owner', '跟进人', '跟进负责人', '待办负责人', 'follow-up owner', 'assigned to', 'assignee'],
  'service.receivedAt': ['请求或投诉：受理时间', 'request or complaint: received', '投诉时间', '投诉日期', '受理时间', '受理日期', '登记时间', '反馈时间', '工单时间', 'received', 'received at', 'complaint date', 'ticket date', 'opened at'],
  'service.summary': ['请求或投诉：客户诉求', 'request or complaint: what the customer asks', '投诉内容', '问题描述', '客户诉求', '诉求', '工单内容', '请求内容', 'complaint', 'issue', 'problem', 'request details'],
  'service.type': ['请求或投诉：类型', 'request or complaint: type', '投诉类型', '工单类型', '请求类型', '类别', 'ticket type', 'request type', 'service type'],
  'service.channel': ['请求或投诉：渠道', 'request or complaint: channel', '渠道', '来源渠道', '受理渠道', '投诉渠道', 'channel', 'source channel'],
  'service.urgent': ['请求或投诉：紧急', 'request or complaint: urgent', '紧急', '是否紧急', '加急', 'urgent', 'is urgent'],
  'service.owner': ['请求或投诉：负责人', 'request or complaint: owner', '处理人', '受理人', '投诉负责人', '工单负责人', 'handler', 'case owner', 'ticket owner'],
  'service.promisedReplyAt': ['投诉：承诺回复时间', 'complaint: reply promised by', '承诺回复时间', '承诺时间', '答复期限', '承诺答复时间', 'promised reply', 'reply promised by', 'promised by'],
  'service.firstReplyAt': ['请求或投诉：首次回复时间', 'request or complaint: first replied at', '首次回复时间', '首次答复时间', '回复时间', 'first reply', 'first reply at', 'first replied at', 'replied at'],
};

/** Headers whose meaning depends on the file: with a contact column they are the contact's. */
export const GENERIC_HEADERS = {
  email: ['邮箱', '电子邮件', '电子邮箱', '邮件', '邮件地址', 'email', 'e-mail', 'mail', 'email address', 'emails'],
  phone: ['电话', '手机', '手机号', '手机号码', '电话号码', '联系电话', '移动电话', 'phone', 'mobile', 'tel', 'telephone', 'cell', 'phone number', 'mobile phone'],
  notes: ['备注', '说明备注', 'notes', 'note', 'remarks', 'comment', 'comments'],
} as const;
export type GenericHeader = keyof typeof GENERIC_HEADERS;

/** Case, width, spaces, punctuation and "required" stars do not matter. */
export function headerKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** The header without a bracketed remark: "客户名称（必填）" → "客户名称", "Phone (mobile)" → "Phone". */
export function withoutRemark(text: string): string {
  const stripped = text.normalize('NFKC').replace(/\([^)]*\)|\[[^\]]*\]|【[^】]*】/g, '').trim();
  return stripped === '' ? text : stripped;
}
