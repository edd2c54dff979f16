/**
 * Lets the event loop go round `count` times. Work already under way that waits on no timer gets to
 * run, so a test can show that something did *not* happen (a page not pulled) without a clock.
 */
export async function eventLoopTurns(count = 50): Promise<void> {
  for (let i = 0; i < count; i++) await new Promise((resolve) => setImmediate(resolve));
}
