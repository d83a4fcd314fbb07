import { randomBytes } from 'node:crypto';
import { request, type IncomingMessage } from 'node:http';
import { waitUntil } from './wait';

export interface AbortedUpload {
  /** Full URL of the route. */
  url: string;
  token: string;
  field: string;
  filename: string;
  contentType: string;
  /** What is sent of the file before the connection is cut; the headers announce much more. */
  sent: Buffer;
  /** Polled while the request hangs half-sent; the connection is cut once it holds. */
  cutWhen: () => Promise<boolean>;
}

/**
 * A client that goes away mid-upload: a raw multipart request announcing a file far longer than
 * what it sends, cut off (socket destroyed) once `cutWhen` holds. Answers whether the server had
 * answered before the cut (it should not have: it is still waiting for the rest).
 */
export async function abortMidUpload(upload: AbortedUpload): Promise<{ answeredBeforeCut: boolean }> {
  const boundary = `----whistle-${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${upload.field}"; filename="${upload.filename}"\r\n` +
      `Content-Type: ${upload.contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const announced = head.length + upload.sent.length + 4 * 1024 * 1024 + tail.length;
  let answer: IncomingMessage | null = null;
  const req = request(upload.url, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${upload.token}`,
      'Content-Type': `multipart/form-data; boundary=${boundary}`,
      'Content-Length': String(announced),
    },
  });
  req.on('response', (res) => {
    answer = res;
    res.resume();
  });
  // The cut makes the request fail on this side: that is the point.
  req.on('error', () => undefined);
  req.write(head);
  req.write(upload.sent);
  try {
    await waitUntil(upload.cutWhen, 20_000);
  } finally {
    req.destroy();
  }
  return { answeredBeforeCut: answer !== null };
}
