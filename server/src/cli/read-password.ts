/** Why no password could be read: printed as it is. */
export class PasswordEntryFailed extends Error {}

/** The minimal terminal a hidden prompt needs: node's tty.ReadStream is one. */
export interface RawInput extends NodeJS.ReadableStream {
  setRawMode(mode: boolean): unknown;
}

/** Escape sequences a terminal sends for arrows, function keys and bracketed paste: not text. */
// eslint-disable-next-line no-control-regex -- matching the terminal's ESC character is the point
const ESCAPE_SEQUENCE = /\u001b\[[0-9;]*[A-Za-z~]/g;

/**
 * Asks for a line on a terminal without echoing it: raw mode, so each key arrives as typed and
 * nothing is printed back. Enter ends it, backspace deletes, Ctrl-C cancels.
 */
export function promptHidden(
  input: RawInput,
  output: NodeJS.WritableStream,
  prompt: string,
): Promise<string> {
  return new Promise((resolve, reject) => {
    let value: string[] = [];
    const finish = (error?: Error) => {
      input.removeListener('data', onData);
      input.setRawMode(false);
      input.pause();
      output.write('\n');
      if (error) reject(error);
      else resolve(value.join(''));
    };
    const onData = (chunk: Buffer | string) => {
      for (const char of String(chunk).replace(ESCAPE_SEQUENCE, '')) {
        if (char === '\r' || char === '\n' || char === '\u0004') return finish();
        if (char === '\u0003') return finish(new PasswordEntryFailed('cancelled'));
        if (char === '\u007f' || char === '\b') value = value.slice(0, -1);
        else if (char >= ' ') value.push(char);
      }
    };
    output.write(prompt);
    input.setEncoding('utf8');
    input.setRawMode(true);
    input.on('data', onData);
    input.resume();
  });
}

/** The first line of a piped input (`printf '%s\n' "$PASSWORD" | …`), without its line end. */
export async function firstLineOf(input: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of input) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0] ?? '';
}
