import { withTimeout } from './with-timeout';

describe('withTimeout', () => {
  it('passes a settled value through', async () => {
    await expect(withTimeout(Promise.resolve('PONG'), 50, 'ping')).resolves.toBe('PONG');
  });

  it('passes a rejection through', async () => {
    await expect(withTimeout(Promise.reject(new Error('refused')), 50, 'ping')).rejects.toThrow('refused');
  });

  it('rejects when the promise hangs', async () => {
    await expect(withTimeout(new Promise(() => undefined), 10, 'ping')).rejects.toThrow(
      'ping timed out after 10 ms',
    );
  });
});
