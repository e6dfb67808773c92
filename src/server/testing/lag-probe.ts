/**
 * How much time this process lost to a busy machine: a timer ticks every `tickMs`, and each tick that comes late adds
 * its lateness. Tests that hold the server (which runs in the same process) to a time bound add this to the bound,
 * so that they measure the server's own time, not the time the machine gave to others.
 */
export function lagProbe(tickMs = 20) {
  let lost = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    lost += Math.max(0, now - last - tickMs);
    last = now;
  }, tickMs);
  return {
    lostMs: () => Math.round(lost),
    stop: () => clearInterval(timer),
  };
}
