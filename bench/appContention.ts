import { readdirSync, readFileSync } from 'node:fs';

/**
 * How much CPU the rest of the machine took while a step ran: all CPU time the kernel counts
 * (/proc/stat) minus that of this process and its descendants (the browser, its renderers, the
 * preview server). Linux only; elsewhere it reads null. The machine is shared: a step during
 * which others took a core is worth rerunning.
 */

/** Clock ticks per second of /proc (USER_HZ; 100 on Linux everywhere in practice). */
const TICKS = 100;

export interface CpuSnapshot {
  /** Busy ticks of all CPUs. */
  busy: number;
  /** Ticks of this process tree (its reaped children included). */
  ours: number;
  /** Wall time, ms. */
  at: number;
}

function machineBusy(): number {
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal …: everything but idle and iowait is busy.
  const [user, nice, system, , , irq = 0, softirq = 0, steal = 0] = cpu;
  return user + nice + system + irq + softirq + steal;
}

/** utime + stime + cutime + cstime, and the parent, of every process. */
function processTable(): Map<number, { ppid: number; ticks: number }> {
  const table = new Map<number, { ppid: number; ticks: number }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after the command name, which may itself contain spaces and parentheses.
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      table.set(Number(name), { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]) });
    } catch {
      // The process ended meanwhile.
    }
  }
  return table;
}

function treeTicks(root: number): number {
  const table = processTable();
  const children = new Map<number, number[]>();
  for (const [pid, { ppid }] of table) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  let ticks = 0;
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    ticks += table.get(pid)?.ticks ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return ticks;
}

export function cpuSnapshot(): CpuSnapshot | null {
  try {
    return { busy: machineBusy(), ours: treeTicks(process.pid), at: performance.now() };
  } catch {
    return null;
  }
}

/** Cores the rest of the machine kept busy on average between two snapshots (null off Linux). */
export function othersCores(a: CpuSnapshot | null, b: CpuSnapshot | null): number | null {
  if (!a || !b || b.at <= a.at) return null;
  const others = b.busy - a.busy - (b.ours - a.ours);
  return Math.max(0, others / TICKS / ((b.at - a.at) / 1000));
}
