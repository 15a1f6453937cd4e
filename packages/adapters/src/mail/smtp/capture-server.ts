import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';

/** A message an SMTP capture server accepted: the envelope (MAIL FROM, RCPT TO) and the raw MIME. */
export interface CapturedMessage {
  readonly mailFrom: string;
  readonly rcptTo: readonly string[];
  readonly raw: Buffer;
}

/** How the capture server should misbehave, to test a client's error handling. */
export type CaptureFault =
  /** Answer RCPT TO for these addresses (all when omitted) with this reply. */
  | { readonly at: 'rcpt'; readonly code: number; readonly message: string; readonly only?: readonly string[] }
  /** Answer the end of DATA with this reply. */
  | { readonly at: 'data'; readonly code: number; readonly message: string }
  /** Read the message but never answer DATA. */
  | { readonly at: 'data'; readonly hang: true };

/** Options of `startSmtpCaptureServer`. */
export interface CaptureServerOptions {
  /** Largest message accepted (advertised as SIZE); larger ones get 552 5.3.4. */
  readonly size?: number;
}

/** An SMTP server on 127.0.0.1 that keeps what it receives: for tests of SMTP-speaking code. */
export interface CaptureServer {
  /** The port it listens on. */
  readonly port: number;
  /** `smtp://127.0.0.1:<port>`. */
  readonly url: string;
  /** Accepted messages, in the order their DATA ended. */
  messages(): readonly CapturedMessage[];
  /** Makes later sessions misbehave (undefined: behave). */
  setFault(fault: CaptureFault | undefined): void;
  /** Stops the server. */
  close(): Promise<void>;
}

const replyError = (code: number, message: string) => Object.assign(new Error(message), { responseCode: code });

/** Starts a capture server on a random port (no TLS, no authentication required). */
export async function startSmtpCaptureServer(options: CaptureServerOptions = {}): Promise<CaptureServer> {
  const messages: CapturedMessage[] = [];
  let fault: CaptureFault | undefined;
  const hung = new Set<SMTPServerDataStream>();

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    closeTimeout: 50,
    disableReverseLookup: true,
    ...(options.size === undefined ? {} : { size: options.size, rejectOversized: true }),
    onRcptTo(address, _session, callback) {
      const applies = fault?.at === 'rcpt' && (fault.only === undefined || fault.only.includes(address.address));
      callback(applies && fault?.at === 'rcpt' ? replyError(fault.code, fault.message) : null);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const current = fault;
        if (current?.at === 'data' && 'hang' in current) {
          hung.add(stream);
          return;
        }
        if (current?.at === 'data') return callback(replyError(current.code, current.message));
        if (stream.sizeExceeded) return callback(null); // rejectOversized answers 552 itself
        messages.push({
          mailFrom: session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address,
          rcptTo: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks),
        });
        callback(null, 'OK: captured');
      });
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;

  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    messages: () => [...messages],
    setFault(next) {
      fault = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        hung.clear();
        server.close(() => resolve());
      }),
  };
}
