/** A one-line progress bar redrawn in place, for long work started from a terminal. */
export function progressBar(label: string): (done: number, total: number) => void {
  return (done, total) => {
    const width = 30;
    const filled = total === 0 ? width : Math.round((done / total) * width);
    process.stdout.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
  };
}
