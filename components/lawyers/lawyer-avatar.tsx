import { cn } from "@/components/ui/cn";

/**
 * A photo placeholder: the name's first character in a circle. Decorative (the name is right next
 * to it), so screen readers skip it; no photos are stored, so none can leak.
 */
export function LawyerAvatar({ name, size = "md" }: { name: string; size?: "md" | "lg" }) {
  return (
    <span
      aria-hidden="true"
      className={cn(
        "inline-flex shrink-0 items-center justify-center rounded-full bg-primary-soft font-bold text-primary",
        size === "lg" ? "size-20 text-3xl" : "size-14 text-2xl",
      )}
    >
      {name.trim().slice(0, 1)}
    </span>
  );
}
