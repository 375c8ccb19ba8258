import { serveFake, type FakeRequest, type FakeResponse, type RunningFake } from './fake-http';

/** What both fake providers share: one loopback HTTP server around their request handler. */
export abstract class FakeServer {
  private server: RunningFake | null = null;

  protected abstract handle(request: FakeRequest): Promise<FakeResponse>;

  get url(): string {
    if (!this.server) throw new Error(`${this.constructor.name} is not started`);
    return this.server.url;
  }

  async start(port = 0): Promise<this> {
    this.server = await serveFake((request) => this.handle(request), port);
    return this;
  }

  async close(): Promise<void> {
    await this.server?.close();
    this.server = null;
  }
}
