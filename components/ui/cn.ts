/** Joins class names, skipping falsy ones. (No tailwind-merge: pass classes that add, not fight.) */
export function cn(...classes: Array<string | false | null | undefined>): string {
  return classes.filter(Boolean).join(" ");
}
