// The kept-alive connection pools a client sends through, created on its first request. Clients
// with the same transport options share one set, as Node's fetch shares one dispatcher.
import { type Dispatcher, loadUndici } from "../load";

/** How many redirects a request follows, as fetch does. */
const MAX_REDIRECTIONS = 20;

export interface Dispatchers {
  /** Follows redirects as fetch's `redirect: "follow"` does, dropping credentials on the way to another origin. */
  readonly following: Dispatcher;
  /** Hands a redirect back as the answer (fetch's `"manual"` and `"error"`). */
  readonly direct: Dispatcher;
}

/** A client's transport: its dispatchers once loaded, and how to load them. */
export class Connections {
  #ready: Dispatchers | undefined;
  #loading: Promise<Dispatchers> | undefined;

  /** The dispatchers, or undefined before the first request has loaded them. */
  get ready(): Dispatchers | undefined {
    return this.#ready;
  }

  load(): Promise<Dispatchers> {
    this.#loading ??= this.#create().then((dispatchers) => {
      this.#ready = dispatchers;
      return dispatchers;
    });
    return this.#loading;
  }

  async #create(): Promise<Dispatchers> {
    const { Agent, interceptors } = await loadUndici();
    const direct = new Agent();
    return { direct, following: direct.compose(interceptors.redirect({ maxRedirections: MAX_REDIRECTIONS })) };
  }
}

/** Shared by every client that is given no transport options of its own. */
export const defaultConnections = new Connections();
