// Rules the browser shows as well as the server enforces: no imports, so a client component can take them.

/** The shortest password the console accepts. */
export const MIN_PASSWORD_LENGTH = 12;
