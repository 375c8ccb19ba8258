/** Texts of timeline paging: "show older", and a customer's timeline read from the server while this device has not synced it (issue 8). */
export const serverTimelineEn = {
  'timeline.older': 'Show older',
  'serverTimeline.notice': 'This device has not synced this customer yet; showing its timeline from the server.',
  'serverTimeline.loading': 'Loading the timeline from the server…',
  'serverTimeline.offline': 'Offline: the server cannot be reached, so this is only what this device holds.',
  'serverTimeline.failed': 'The server could not show this timeline ({reason}); this is only what this device holds.',
  'serverTimeline.notFound': 'This customer does not exist or is not shared with you.',
  'serverTimeline.signedOut': 'Sign in again to see this customer.',
} as const;

export const serverTimelineZhCN: Record<keyof typeof serverTimelineEn, string> = {
  'timeline.older': '显示更早的记录',
  'serverTimeline.notice': '本设备尚未同步该客户，以下时间线来自服务器。',
  'serverTimeline.loading': '正在从服务器加载时间线…',
  'serverTimeline.offline': '离线：无法连接服务器，以下仅为本设备保存的内容。',
  'serverTimeline.failed': '服务器无法显示该时间线（{reason}），以下仅为本设备保存的内容。',
  'serverTimeline.notFound': '该客户不存在或未与您共享。',
  'serverTimeline.signedOut': '请重新登录后查看该客户。',
};
