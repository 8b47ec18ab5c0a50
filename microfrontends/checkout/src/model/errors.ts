// Checkout's one way to say what went wrong: the contract's HttpError carries the service's own words.
export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
