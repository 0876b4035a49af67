// Spreadsheet formula injection (CWE-1236): Excel and WPS run a text cell that starts with = + - @
// (or a tab / carriage return, which some parsers skip before one of those) as a formula — e.g. a
// resident's name "=HYPERLINK(...)" in an export. Such text gets a leading apostrophe, which both
// show as plain text. Numbers and dates are left alone: a negative number is not text.
const FORMULA_START = /^[=+\-@\t\r]/;

export function safeCell<T>(value: T): T | string {
  return typeof value === "string" && FORMULA_START.test(value) ? `'${value}` : value;
}
