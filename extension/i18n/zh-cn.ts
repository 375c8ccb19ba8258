import type { MessageKey } from './en';
import { customerFileZhCN } from './customer-file';
import { customFieldsAdminZhCN } from './custom-fields-admin';
import { followUpsZhCN } from './follow-ups';
import { importExportZhCN } from './import-export';
import { launcherZhCN } from './launcher';
import { searchZhCN } from './search';
import { mailZhCN } from './mail';
import { trustZhCN } from './trust';
// Issue 8
import { serverTimelineZhCN } from './server-timeline';
import { hostsZhCN } from './hosts';
import { serviceVisitsZhCN } from './service-visits';

/** Simplified Chinese; typed against the English keys so a missing text fails the build. */
export const zhCN: Record<MessageKey, string> = {
  'app.title': '收件箱 CRM',
  'state.signedOut': '您尚未登录。',
  'state.signedOutHint': '登录后即可在邮件旁查看客户信息。',
  'state.openOptions': '登录',
  'state.unreadable': '无法读取此页面',
  'state.unreadableHint': '此页面结构可能已变化，或页面仍在加载。请重新打开该会话。',
  'state.noThread': '未打开会话',
  'state.noThreadHint': '打开一封邮件即可查看对应客户。',
  'state.noSender': '此会话中没有客户地址：只有您或同事发信，或页面未显示发件人地址。',
  'unknown.title': '尚未成为客户',
  'unknown.sender': '{name} <{email}>',
  'unknown.customerName': '客户名称',
  'unknown.contactName': '联系人姓名',
  'unknown.create': '创建客户',
  'unknown.saveFailed': '保存失败：{reason}',
  'card.class': '客户等级',
  'card.classNone': '未分级',
  'card.owner': '负责人',
  'card.ownerNone': '未分配',
  'card.contact': '联系人',
  'card.contactUnknown': '{email}（尚不是联系人）',
  'card.matchedBy': '匹配依据',
  'card.reasonContact': '联系人',
  'card.reasonDomain': '域名 {domain}',
  'timeline.title': '时间线',
  'timeline.empty': '时间线上还没有记录。',
  'timeline.kind.email': '邮件',
  'timeline.kind.meeting': '会议',
  'timeline.kind.visit': '拜访',
  'timeline.kind.call': '电话',
  'timeline.kind.note': '备注',
  'timeline.kind.follow_up': '跟进',
  'timeline.kind.complaint': '投诉',
  'timeline.kind.satisfaction': '满意度',
  'timeline.kind.care': '关怀',
  'note.placeholder': '为该客户添加备注…',
  'note.add': '添加备注',
  'sync.offline': '离线',
  'sync.syncing': '正在同步…',
  'sync.syncedAt': '同步于 {time}',
  'sync.never': '尚未同步',
  'sync.failed': '同步失败，稍后自动重试',
  'sync.signedOut': '已退出登录',
  'sync.pending': '{count} 项更改待同步',
  'rejected.title': '服务器拒绝的更改',
  'rejected.dismiss': '忽略',
  'rejected.code.not_found': '该记录已不存在。',
  'rejected.code.forbidden': '您无权进行此更改。',
  'rejected.code.invalid': '更改内容无效。',
  'rejected.code.conflict': '他人已先行修改。',
  'rejected.code.too_large': '内容过大，服务器无法接收；请先复制需要的内容，再忽略此项。',
  'mutation.customer.create': '新建客户',
  'mutation.customer.update': '更新客户',
  'mutation.customer.delete': '删除客户',
  'mutation.contact.create': '新建联系人',
  'mutation.note.create': '备注',
  'mutation.contact.update': '更新联系人',
  'mutation.contact.delete': '删除联系人',
  'mutation.matchChoice.set': '为邮箱地址指定客户',
  'mutation.customField.save': '自定义字段定义',
  'mutation.customField.delete': '删除自定义字段',
  'options.title': '收件箱 CRM 设置',
  'options.serverUrl': '服务器地址',
  'options.email': '邮箱',
  'options.signIn': '登录',
  'options.signingIn': '正在登录…',
  'options.signedInAs': '当前登录：{name} <{email}> · {organisation}',
  'options.signOut': '退出登录',
  'options.confirmSignOut': '还有 {count} 项更改尚未同步到服务器，退出后将丢失。仍要退出吗？',
  'options.syncNow': '立即同步',
  'options.permissionDenied': '未获得访问 {origin} 的权限。',
  'options.badUrl': '请输入服务器地址，例如 http://127.0.0.1:8787',
  'options.lastError': '最近错误：{error}',
  'options.error.invalid': '请检查服务器地址、邮箱和验证码（至少 8 个字符）。',
  'options.error.network': '无法连接服务器，请确认服务器已启动。',
  'options.error.rejected': '服务器未接受该邮箱和验证码。',
  'popup.openOptions': '设置',
  // Issue 9 (the dashboard's own texts: ./reports-zh-cn.ts)
  'popup.openDashboard': '管理看板',
  ...launcherZhCN,
  ...customerFileZhCN,
  ...customFieldsAdminZhCN,
  ...searchZhCN,
  ...importExportZhCN,
  // Issue 5
  ...mailZhCN,
  // Issue 7
  ...trustZhCN,
  // Issue 6: hosts, compose, portals, side panel.
  ...hostsZhCN,
  ...followUpsZhCN,
  // Issue 4B: service requests and complaints, visits.
  ...serviceVisitsZhCN,
  // Issue 8: a customer's timeline from the server.
  ...serverTimelineZhCN,
};
