// Stand-in for the `server-only` marker package in the server bundle built by build.mjs.
export {};
