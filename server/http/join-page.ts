import type { ServerResponse } from 'node:http';

/**
 * Where an invite link lands (`<server>/join#<email>:<code>`, shared/domain/invite-link.ts). The
 * code is in the fragment, which browsers never send to a server, so it is not in any log. The
 * page is static text, no script: the person copies the address into the extension's options
 * page, which reads server, address and code from it.
 */
const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Inbox CRM invitation</title></head>
<body>
<h1>You are invited to Inbox CRM</h1>
<ol>
<li>Install the Inbox CRM browser extension (ask your administrator for it).</li>
<li>Open the extension's options page.</li>
<li>Copy the whole address of this page from the address bar and paste it into "Invite link or code", then sign in.</li>
</ol>
<p>The invitation works once and expires after 7 days.</p>
<hr>
<h1 lang="zh-CN">邀请您使用 Inbox CRM</h1>
<ol lang="zh-CN">
<li>安装 Inbox CRM 浏览器扩展（向管理员索取）。</li>
<li>打开扩展的选项页面。</li>
<li>从地址栏复制本页完整地址，粘贴到“邀请链接或登录码”中，然后登录。</li>
</ol>
<p lang="zh-CN">邀请只能使用一次，7 天后失效。</p>
</body></html>
`;

export function sendJoinPage(res: ServerResponse): void {
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.end(PAGE);
}
