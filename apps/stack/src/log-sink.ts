// Every line of every process, prefixed with its name (colored on a terminal), on our stdout.
import { type LineSink } from '@shopstream/local-infra';

const COLORS = [36, 33, 35, 32, 34, 91, 96, 93, 95, 92];
const assigned = new Map<string, number>();

export function prefixedSink(width: number, color = process.stdout.isTTY): LineSink {
  return (name, line) => {
    const label = name.padEnd(width);
    if (!color) {
      process.stdout.write(`${label} | ${line}\n`);
      return;
    }
    if (!assigned.has(name)) assigned.set(name, COLORS[assigned.size % COLORS.length]!);
    process.stdout.write(`\u001b[${assigned.get(name)}m${label} |\u001b[0m ${line}\n`);
  };
}

/** A line from the stack itself. */
export function say(message: string): void {
  process.stdout.write(`${'stack'.padEnd(14)} | ${message}\n`);
}
