// Resource ids from the seeded generator: decimal ids of the length Enfuce's examples show for
// each kind, never repeated within a sandbox.
import type { SeededRandom } from "./random";

const DIGITS = {
  customer: 9,
  account: 10,
  accountNumber: 10,
  card: 9,
  cardReference: 12,
  transaction: 10,
  instalment: 7,
  portion: 8,
  transfer: 8,
  batch: 8,
  link: 6,
  authorisation: 18,
  retrievalReference: 12,
  authCode: 6,
  notification: 10,
} as const;

export type IdKind = keyof typeof DIGITS;

export class IdSource {
  readonly #random: SeededRandom;
  readonly #issued = new Set<string>();

  constructor(random: SeededRandom) {
    this.#random = random;
  }

  next(kind: IdKind): string {
    for (;;) {
      const id = this.#random.digits(DIGITS[kind]);
      const key = `${kind}:${id}`;
      if (this.#issued.has(key)) continue;
      this.#issued.add(key);
      return id;
    }
  }

  uuid(): string {
    return this.#random.uuid();
  }

  /** A number in [0, 1): for choices such as the last digits of a card number. */
  fraction(): number {
    return this.#random.next() / 2 ** 32;
  }

  reset(): void {
    this.#issued.clear();
    this.#random.reset();
  }
}
