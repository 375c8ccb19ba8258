import type { FakeAddress, FakeEventSpec, FakeMessageSpec } from '../test/fakes/mail-spec';

/**
 * The demo organisation's customers and a few months of mail and meetings with them, for
 * `npm run demo` (and the e2e tests): Chinese and English customers, quotes, orders, a
 * complaint, weekly calls, a visit, plus what ingestion must leave out (newsletters, internal
 * mail, strangers on free mail). Dates are relative to `now`, so the demo always looks recent.
 */
export const DEMO_ME = { address: 'mia.chen@ourco.example', name: 'Mia Chen 陈米娅' };
/** The same person's Microsoft 365 mailbox at the Shanghai subsidiary. */
export const DEMO_ME_OUTLOOK = { address: 'mia.chen@ourco-asia.example', name: 'Mia Chen' };
const colleague = { address: 'ben.wright@ourco.example', name: 'Ben Wright' };

export type DemoCustomer = {
  name: string;
  code: string;
  customerClass: 'A' | 'B' | 'C';
  emailDomains: string[];
  contacts: { name: string; title: string; email: string }[];
};

export const DEMO_CUSTOMERS: DemoCustomer[] = [
  {
    name: '上海宝钢贸易有限公司',
    code: 'CN-001',
    customerClass: 'A',
    emailDomains: ['baosteel-trade.example'],
    contacts: [
      { name: '张伟', title: '采购经理', email: 'zhang.wei@baosteel-trade.example' },
      { name: '王芳', title: '质量部主管', email: 'wang.fang@baosteel-trade.example' },
    ],
  },
  {
    name: '深圳华强电子有限公司',
    code: 'CN-002',
    customerClass: 'B',
    emailDomains: ['hq-electronics.example'],
    contacts: [{ name: '陈静', title: '供应链总监', email: 'chen.jing@hq-electronics.example' }],
  },
  {
    name: 'Northwind Traders',
    code: 'EU-010',
    customerClass: 'A',
    emailDomains: ['northwind.example'],
    contacts: [
      { name: 'Olivia Park', title: 'Head of Purchasing', email: 'olivia.park@northwind.example' },
      { name: 'Daniel Kim', title: 'Logistics', email: 'daniel.kim@northwind.example' },
    ],
  },
  {
    name: 'Bergmann GmbH',
    code: 'EU-011',
    customerClass: 'C',
    emailDomains: ['bergmann-gmbh.example'],
    contacts: [{ name: 'Klaus Bergmann', title: 'Geschäftsführer', email: 'klaus@bergmann-gmbh.example' }],
  },
];

const person = (email: string): FakeAddress => {
  const contact = DEMO_CUSTOMERS.flatMap((c) => c.contacts).find((c) => c.email === email);
  return { address: email, ...(contact ? { name: contact.name } : {}) };
};

type Step = { from: 'me' | string; subject: string; text: string; daysAgo: number; to?: string[]; cc?: string[]; html?: boolean };

/** Conversations: each step is one message; replies quote the previous one, as mail clients do. */
const THREADS: { key: string; steps: Step[]; encodeHeaders?: 'utf-8' | 'gbk'; charset?: 'gbk' }[] = [
  {
    key: 'q2-quote',
    encodeHeaders: 'gbk',
    charset: 'gbk',
    steps: [
      { from: 'zhang.wei@baosteel-trade.example', subject: '关于二季度冷轧钢卷报价', text: '陈经理您好：\n请就二季度 800 吨冷轧钢卷报价，交货期 6 月底。\n张伟', daysAgo: 96 },
      { from: 'me', subject: '回复：关于二季度冷轧钢卷报价', text: '张经理您好：\n报价单见附件，单价 5,380 元/吨，含税，6 月 20 日前交货。\n陈米娅', daysAgo: 95 },
      { from: 'zhang.wei@baosteel-trade.example', subject: '回复：关于二季度冷轧钢卷报价', text: '价格可以接受，请安排合同。', daysAgo: 93 },
    ],
  },
  {
    key: 'complaint',
    encodeHeaders: 'utf-8',
    steps: [
      { from: 'wang.fang@baosteel-trade.example', subject: '投诉：第三批钢卷表面划伤', text: '陈经理：\n第三批到货的 12 卷中有 4 卷表面有明显划伤，已拍照留存，请尽快给出处理方案。\n王芳 质量部', daysAgo: 20, cc: ['zhang.wei@baosteel-trade.example'] },
      { from: 'me', subject: '回复：投诉：第三批钢卷表面划伤', text: '王主管：\n非常抱歉。我们已安排质检人员明天上午到现场，两天内给出更换或折价方案。\n陈米娅', daysAgo: 20, cc: ['zhang.wei@baosteel-trade.example'] },
      { from: 'wang.fang@baosteel-trade.example', subject: '回复：投诉：第三批钢卷表面划伤', text: '收到，等你们的方案。', daysAgo: 19 },
    ],
  },
  {
    key: 'hq-samples',
    steps: [
      { from: 'chen.jing@hq-electronics.example', subject: '样品测试结果 / sample test results', text: '陈米娅你好，样品测试通过，下月开始小批量采购。', daysAgo: 45 },
      { from: 'me', subject: 'Re: 样品测试结果 / sample test results', text: '太好了！我整理一下小批量的价格和交期，周五前发给你。', daysAgo: 44 },
    ],
  },
  {
    key: 'northwind-order',
    steps: [
      { from: 'olivia.park@northwind.example', subject: 'Spring order for 400 units', text: 'Hi Mia, can you confirm the delivery date for the spring order? Thanks, Olivia', daysAgo: 60, html: true },
      { from: 'me', subject: 'Re: Spring order for 400 units', text: 'Hi Olivia, the 400 units ship on the 14th and arrive in Hamburg on the 28th. Best, Mia', daysAgo: 59 },
      { from: 'daniel.kim@northwind.example', subject: 'Re: Spring order for 400 units', text: 'Mia, please send the packing list before loading. Daniel', daysAgo: 12, cc: ['olivia.park@northwind.example'] },
    ],
  },
  {
    key: 'bergmann',
    steps: [{ from: 'klaus@bergmann-gmbh.example', subject: 'Anfrage: Edelstahlbleche 2 mm', text: 'Sehr geehrte Frau Chen, bitte senden Sie uns ein Angebot für 20 t Edelstahlbleche. Mit freundlichen Grüßen, Klaus Bergmann', daysAgo: 5 }],
  },
];

let counter = 0;
const day = 24 * 3600_000;

function messagesOf(me: FakeAddress, now: Date): FakeMessageSpec[] {
  const out: FakeMessageSpec[] = [];
  for (const thread of THREADS) {
    const ids: string[] = [];
    let previous: Step | null = null;
    for (const step of thread.steps) {
      const id = `${thread.key}.${++counter}@${step.from === 'me' ? 'ourco.example' : step.from.split('@')[1]}`;
      const from = step.from === 'me' ? me : person(step.from);
      const to = step.from === 'me' ? (step.to ?? [thread.steps[0]!.from]).map(person) : [me];
      const quote = previous ? `\n\n在 ${new Date(now.getTime() - previous.daysAgo * day).toISOString().slice(0, 10)}，${previous.from} 写道：\n> ${previous.text.split('\n').join('\n> ')}` : '';
      out.push({
        messageId: id,
        from,
        to,
        cc: (step.cc ?? []).map(person),
        subject: step.subject,
        date: new Date(now.getTime() - step.daysAgo * day + counter * 60_000),
        ...(step.html ? { html: `<div dir="ltr"><p>${step.text}</p></div>` } : { text: step.text + quote }),
        ...(ids.length > 0 ? { inReplyTo: ids.at(-1)!, references: [...ids] } : {}),
        ...(thread.encodeHeaders ? { encodeHeaders: thread.encodeHeaders } : {}),
        ...(thread.charset ? { charset: thread.charset, rawBytes: true } : {}),
        labels: step.from === 'me' ? ['SENT'] : ['INBOX'],
      });
      ids.push(id);
      previous = step;
    }
  }
  // What ingestion leaves out: a newsletter, internal mail, a stranger on free mail.
  out.push(
    { messageId: `news.${++counter}@steel-news.example`, from: { address: 'news@steel-news.example', name: '钢铁资讯' }, to: [me], subject: '本周钢材价格指数', date: new Date(now.getTime() - 3 * day), text: '…', labels: ['INBOX', 'CATEGORY_PROMOTIONS'] },
    { messageId: `int.${++counter}@ourco.example`, from: colleague, to: [me], subject: 'Lunch on Friday?', date: new Date(now.getTime() - 2 * day), text: 'Dumplings?', labels: ['INBOX'] },
    { messageId: `free.${++counter}@gmail.com`, from: { address: 'someone@gmail.com' }, to: [me], subject: 'Hello', date: new Date(now.getTime() - 1 * day), text: 'Hi', labels: ['INBOX'] },
  );
  return out;
}

function eventsOf(me: FakeAddress, now: Date, prefix: string): FakeEventSpec[] {
  const at = (days: number, hour: number) => new Date(Math.floor((now.getTime() + days * day) / day) * day + hour * 3600_000);
  return [
    {
      id: `${prefix}weekly`,
      icalUid: `${prefix}weekly-northwind@ourco.example`,
      subject: 'Weekly call Northwind',
      description: 'Orders, shipping, open questions.',
      start: at(-28, 8),
      end: at(-28, 9),
      organizer: me,
      attendees: [me, person('olivia.park@northwind.example')].map((a) => ({ ...a, response: 'accepted' as const })),
      weeklyCount: 6,
    },
    {
      id: `${prefix}visit`,
      // The same invitation in both calendars: one meeting on the timeline.
      icalUid: 'visit-baosteel@ourco.example',
      subject: '拜访上海宝钢：钢卷划伤处理方案',
      description: '与王芳、张伟确认更换方案和赔偿。',
      location: '上海市宝山区',
      start: at(3, 2),
      end: at(3, 4),
      organizer: me,
      attendees: [me, person('wang.fang@baosteel-trade.example'), person('zhang.wei@baosteel-trade.example')],
    },
    { id: `${prefix}focus`, icalUid: `${prefix}focus@ourco.example`, subject: 'Focus time', start: at(1, 6), end: at(1, 8), organizer: me, attendees: [me], eventType: 'focusTime' },
  ];
}

/** The Gmail mailbox and Google calendar of the demo user. */
export function demoGoogleMailbox(now = new Date()) {
  return { messages: messagesOf(DEMO_ME, now), events: eventsOf(DEMO_ME, now, 'g-') };
}

/** The Outlook mailbox: the Chinese customers' threads, addressed to the subsidiary mailbox. */
export function demoOutlookMailbox(now = new Date()) {
  const messages = messagesOf(DEMO_ME_OUTLOOK, now).filter((m) => /^(q2-quote|complaint|hq-samples)\./.test(m.messageId ?? ''));
  return { messages, events: eventsOf(DEMO_ME_OUTLOOK, now, 'm-').slice(1, 2) };
}
