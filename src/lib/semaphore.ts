// At most `limit` tasks at once; the others wait in a FIFO queue. A slot is
// handed straight from a finishing task to the next waiting one, so the limit
// holds even between the two.
export interface Semaphore {
  run<T>(task: () => Promise<T>): Promise<T>;
  setLimit(limit: number): void;
  readonly waiting: number;
}

export function createSemaphore(initialLimit: number): Semaphore {
  let limit = Math.max(1, Math.floor(initialLimit) || 1);
  let running = 0;
  const queue: (() => void)[] = [];
  return {
    get waiting() {
      return queue.length;
    },
    setLimit(next) {
      limit = Math.max(1, Math.floor(next) || 1);
      while (running < limit && queue.length) {
        running += 1;
        queue.shift()!();
      }
    },
    async run(task) {
      if (running < limit) running += 1;
      else await new Promise<void>((resolve) => queue.push(resolve));
      try {
        return await task();
      } finally {
        const next = running <= limit ? queue.shift() : undefined;
        if (next) next();
        else running -= 1;
      }
    },
  };
}
