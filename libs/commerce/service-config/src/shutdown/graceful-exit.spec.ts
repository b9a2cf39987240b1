import { type INestApplication } from '@nestjs/common';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { exitOnShutdownSignal } from './graceful-exit';

let remove: (() => void) | undefined;
afterEach(() => remove?.());

function fakeApp(close: () => Promise<void>) {
  return { close: vi.fn(close), unsubscribeFromProcessSignals: vi.fn() };
}

describe('exitOnShutdownSignal', () => {
  it('replaces Nest’s signal listeners, closes the app and exits 0', async () => {
    const app = fakeApp(() => Promise.resolve());
    const exit = vi.fn();
    remove = exitOnShutdownSignal(app as unknown as INestApplication, exit);
    expect(app.unsubscribeFromProcessSignals).toHaveBeenCalledOnce();
    process.emit('SIGTERM');
    await vi.waitFor(() => expect(exit).toHaveBeenCalledWith(0));
    expect(app.close).toHaveBeenCalledOnce();
  });

  it('exits 1 when the shutdown fails, 130 on a second signal while it runs', async () => {
    let fail: (e: Error) => void = () => undefined;
    const app = fakeApp(() => new Promise<void>((_, reject) => (fail = reject)));
    const exit = vi.fn();
    remove = exitOnShutdownSignal(app as unknown as INestApplication, exit);
    process.emit('SIGINT');
    process.emit('SIGTERM');
    expect(exit).toHaveBeenCalledWith(130);
    fail(new Error('database gone'));
    await vi.waitFor(() => expect(exit).toHaveBeenCalledWith(1));
    expect(app.close).toHaveBeenCalledOnce();
  });
});
