import { expect } from 'vitest';
import type { Role } from '../../shared/schemas/member';
import { signInApi, type ApiClient } from './api-client';
import { ExtensionBrowser } from './browser';
import { startFixtureServer, type FixtureServer } from './fixture-https-server';
import { ServerProcess } from './server-process';

/** What most e2e scenarios start from: the host fixture, a fresh server, and its admin on the API. */
export type E2eWorld = {
  fixture: FixtureServer;
  server: ServerProcess;
  /** The first admin, signed in through the API (for arranging data the way another user would). */
  admin: ApiClient;
  /** A new member of the admin's organisation and their one-time sign-in code. */
  invite(email: string, displayName: string, role: Role, departmentId?: string | null): Promise<{ email: string; code: string; userId: string }>;
  /** A new department of the admin's organisation. */
  department(name: string): Promise<string>;
  /**
   * A browser with the extension, signed in as a new member (a sales rep) and synced; closed by
   * dispose(). `arrange` runs before the first sync, e.g. to give the rep customers (a rep sees
   * only their own and shared ones).
   */
  browserOf(email: string, displayName: string, arrange?: (member: { userId: string }) => Promise<void>): Promise<ExtensionBrowser>;
  dispose(): Promise<void>;
};

export async function startE2eWorld(options: { serverEnv?: Record<string, string> } = {}): Promise<E2eWorld> {
  const fixture = await startFixtureServer();
  const server = await ServerProcess.start({ env: options.serverEnv });
  expect(server.admin, `server printed no admin sign-in code:\n${server.log}`).not.toBeNull();
  const { client: admin } = await signInApi(server.url, server.admin!.email, server.admin!.code);
  const browsers: ExtensionBrowser[] = [];
  const invite = async (email: string, displayName: string, role: Role, departmentId: string | null = null) => {
    const { code, userId } = await admin.users.invite.mutate({ email, displayName, role, departmentId });
    return { email, code, userId };
  };
  return {
    fixture,
    server,
    admin,
    invite,
    async department(name) {
      return (await admin.departments.create.mutate({ name })).id;
    },
    async browserOf(email, displayName, arrange) {
      const member = await invite(email, displayName, 'sales_rep');
      await arrange?.(member);
      const browser = await ExtensionBrowser.launch({ fixture });
      browsers.push(browser);
      await browser.signIn(server.url, member.email, member.code);
      await browser.syncNow();
      return browser;
    },
    async dispose() {
      for (const browser of browsers) await browser.close().catch(() => undefined);
      await server.dispose();
      await fixture.close();
    },
  };
}
