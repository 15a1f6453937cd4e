import type { Task } from './task';

// FNV-1a over the dispatcher id and the key: a stable order of its own for each dispatcher.
function spread(dispatcherId: string, key: string): number {
  let hash = 0x811c9dc5;
  for (const text of [dispatcherId, key]) {
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  }
  return hash >>> 0;
}

/**
 * The order a dispatcher works through its tasks: oldest due first; among emails due at the same
 * time, an order of its own, so that several dispatchers facing the same burst mostly start
 * on different emails instead of racing for the same claims.
 */
export function workOrder(tasks: readonly Task[], dispatcherId: string): Task[] {
  return tasks
    .map((task) => ({ task, due: Date.parse(task.email.dueAt), rank: spread(dispatcherId, task.email.idempotencyKey) }))
    .sort((a, b) => a.due - b.due || a.rank - b.rank)
    .map((entry) => entry.task);
}
