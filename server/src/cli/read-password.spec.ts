import { PassThrough } from 'node:stream';
import { firstLineOf, PasswordEntryFailed, promptHidden, type RawInput } from './read-password';

/** A terminal stand-in: what is written to it arrives as keystrokes; raw mode is recorded. */
function fakeTerminal(): {
  input: PassThrough & RawInput;
  modes: boolean[];
  output: PassThrough;
  shown: () => string;
} {
  const modes: boolean[] = [];
  const input = Object.assign(new PassThrough(), {
    setRawMode: (mode: boolean) => modes.push(mode),
  });
  const output = new PassThrough();
  let shown = '';
  output.on('data', (chunk: Buffer) => (shown += chunk.toString()));
  return { input, modes, output, shown: () => shown };
}

describe('promptHidden', () => {
  it('reads a line in raw mode without echoing it, and restores the terminal', async () => {
    const t = fakeTerminal();
    const answer = promptHidden(t.input, t.output, 'Password: ');
    t.input.write('Corr');
    t.input.write('ect-Hörse-9\r');
    await expect(answer).resolves.toBe('Correct-Hörse-9');
    expect(t.shown()).toBe('Password: \n');
    expect(t.modes).toEqual([true, false]);
  });

  it('deletes with backspace and ignores arrow keys and other control characters', async () => {
    const t = fakeTerminal();
    const answer = promptHidden(t.input, t.output, '> ');
    t.input.write('abcx\u007f\u001b[D\u001b[200~d\u001b[201~\u0007e\n');
    await expect(answer).resolves.toBe('abcde');
  });

  it('gives up on Ctrl-C', async () => {
    const t = fakeTerminal();
    const answer = promptHidden(t.input, t.output, '> ');
    t.input.write('secret\u0003');
    await expect(answer).rejects.toThrow(new PasswordEntryFailed('cancelled'));
    expect(t.modes).toEqual([true, false]);
    expect(t.shown()).not.toContain('secret');
  });
});

describe('firstLineOf', () => {
  it.each([
    ['Correct-Horse-9\n', 'Correct-Horse-9'],
    ['Correct-Horse-9\r\nsecond line\n', 'Correct-Horse-9'],
    ['no line end', 'no line end'],
    ['', ''],
  ])('reads %j as %j', async (piped, expected) => {
    const input = new PassThrough();
    input.end(piped);
    await expect(firstLineOf(input)).resolves.toBe(expected);
  });
});
