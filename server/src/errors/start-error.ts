/** A start that cannot go on; its message is the one line that says what to do. */
export class StartError extends Error {
  override name = 'StartError';
}
