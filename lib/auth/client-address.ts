/**
 * The production server (lib/cli/serve.mjs) writes the client's address into this request header
 * after removing any copy the client sent, so sign-in throttling can count per address; Next.js
 * does not expose the socket to server actions.
 */
export const CLIENT_ADDRESS_HEADER = "x-sb-client-address";
