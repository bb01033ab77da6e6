import type { EventName, EventPayload } from '../../contract/api/events.ts';

type Listener = (event: EventName, payload: unknown) => void;

/** Core → every connected renderer (IPC windows, HTTP event streams). */
export class EventBus {
  private readonly listeners = new Set<Listener>();

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const l of this.listeners) l(event, payload);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
