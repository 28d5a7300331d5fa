/** A failed call to the Go side; message is the sentence Go wrote for the educator. */
export class BridgeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BridgeError';
  }
}

/** The sentence to show for a failure caught in the UI. */
export function errorMessage(err: unknown): string {
  return err instanceof Error && err.message ? err.message : 'Something went wrong. Please try again.';
}
