import type { HTMLAttributes, ReactNode } from "react";
import { cn } from "@/components/ui/cn";

export type CardProps = Omit<HTMLAttributes<HTMLElement>, "title"> & {
  /** rendered as a heading at the top of the card */
  title?: ReactNode;
  /** heading level of the title, to keep the page outline right (default h2) */
  titleAs?: "h2" | "h3";
  description?: ReactNode;
  /** a <section> is a landmark-like region; use it when the card has a title (default div) */
  as?: "div" | "section" | "article";
  footer?: ReactNode;
};

export function Card({ title, titleAs: Heading = "h2", description, as: Tag = "div", footer, className, children, ...props }: CardProps) {
  return (
    <Tag className={cn("rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6", className)} {...props}>
      {title ? <Heading className="text-lg font-semibold text-slate-900">{title}</Heading> : null}
      {description ? <p className="mt-1 text-slate-600">{description}</p> : null}
      {children ? <div className={cn(title || description ? "mt-4" : undefined)}>{children}</div> : null}
      {footer ? <div className="mt-4 border-t border-slate-200 pt-4">{footer}</div> : null}
    </Tag>
  );
}
