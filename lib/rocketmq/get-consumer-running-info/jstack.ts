/**
 * The thread dump a client puts in its running info when asked with jstackEnable (RocketMQ's UtilAll.jstack, what
 * `mqadmin consumerStatus -s` prints): per thread a line "<name padded to 40>TID: <id> STATE: <state>", then one line
 * per frame, each prefixed with the same padded name, then a blank line.
 */
export interface JavaThread {
  name: string;
  tid: number;
  /** Thread.State: NEW, RUNNABLE, BLOCKED, WAITING, TIMED_WAITING, TERMINATED. */
  state: string;
  /** Innermost first, as Java prints them ("java.lang.Thread.sleep(Native Method)"). */
  frames: string[];
}

const HEADER = /^(.*?)\s*TID: (\d+) STATE: ([A-Z_]+)\s*$/;

export function parseJstack(text: string): JavaThread[] {
  const threads: Array<JavaThread & { prefix: number }> = [];
  let current: (JavaThread & { prefix: number }) | undefined;
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') {
      current = undefined;
      continue;
    }
    const header = current ? undefined : HEADER.exec(line);
    if (header) {
      // the name is padded to 40 columns, or runs longer: either way frames start where the header's "TID:" does
      current = { name: header[1]!, tid: Number(header[2]), state: header[3]!, frames: [], prefix: line.indexOf('TID: ') };
      threads.push(current);
      continue;
    }
    if (current) current.frames.push(line.slice(current.prefix).trim());
  }
  return threads.map(({ prefix: _prefix, ...thread }) => thread);
}
