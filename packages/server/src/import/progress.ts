// Progress for long imports: a bar on an interactive terminal (stderr), plain lines otherwise (logs, CI).
import cliProgress from 'cli-progress';

export interface Progress {
  start(label: string, total: number): void;
  tick(done: number): void;
  stop(): void;
}

export const silentProgress: Progress = { start() {}, tick() {}, stop() {} };

export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (stream.isTTY) {
    let bar: cliProgress.SingleBar | undefined;
    return {
      start(label, total) {
        bar?.stop();
        bar = new cliProgress.SingleBar(
          {
            format: `${label.padEnd(18)} [{bar}] {percentage}% | {value}/{total}`,
            stream,
            hideCursor: true,
            clearOnComplete: false,
          },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, 0);
      },
      tick: (done) => bar?.update(done),
      stop() {
        bar?.stop();
        bar = undefined;
      },
    };
  }
  // Not a terminal: one line at the start, each tenth and the end.
  let label = '';
  let total = 0;
  let lastTenth = -1;
  return {
    start(l, t) {
      label = l;
      total = t;
      lastTenth = -1;
      stream.write(`${label}: 0/${total}\n`);
    },
    tick(done) {
      const tenth = total ? Math.floor((done / total) * 10) : 10;
      if (tenth > lastTenth && tenth < 10) {
        lastTenth = tenth;
        if (tenth > 0) stream.write(`${label}: ${done}/${total}\n`);
      }
    },
    stop() {
      if (label) stream.write(`${label}: done\n`);
      label = '';
    },
  };
}
