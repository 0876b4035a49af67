import Link from "next/link";
import type { ButtonHTMLAttributes, ComponentProps } from "react";
import { cn } from "@/components/ui/cn";

export type ButtonVariant = "primary" | "secondary" | "ghost" | "danger";
export type ButtonSize = "md" | "lg";

const variants: Record<ButtonVariant, string> = {
  primary: "bg-primary text-white hover:bg-primary-hover hover:text-white",
  secondary: "border border-slate-500 bg-white text-slate-900 hover:bg-slate-100 hover:text-slate-900",
  ghost: "bg-transparent text-primary hover:bg-primary-soft hover:text-primary-hover",
  danger: "bg-danger text-white hover:bg-danger-hover hover:text-white",
};

const sizes: Record<ButtonSize, string> = {
  // 44px is the WCAG 2.5.5 target; "lg" is for the one main action of a phone form.
  md: "min-h-11 px-4 text-base",
  lg: "min-h-12 px-6 text-lg",
};

export type ButtonStyleProps = { variant?: ButtonVariant; size?: ButtonSize; block?: boolean };

/** The button look, for elements that are not <button> (links that act as buttons). */
export function buttonClassName({ variant = "primary", size = "md", block = false }: ButtonStyleProps = {}, extra?: string) {
  return cn(
    "inline-flex items-center justify-center gap-2 rounded-md font-medium no-underline transition-colors",
    "disabled:cursor-not-allowed disabled:opacity-60 aria-disabled:cursor-not-allowed aria-disabled:opacity-60",
    variants[variant],
    sizes[size],
    block && "w-full",
    extra,
  );
}

export type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & ButtonStyleProps;

export function Button({ variant, size, block, className, type = "button", ...props }: ButtonProps) {
  return <button type={type} className={buttonClassName({ variant, size, block }, className)} {...props} />;
}

export type LinkButtonProps = ComponentProps<typeof Link> & ButtonStyleProps;

/** A navigation link drawn as a button (it still navigates: use it for "去登录", not for actions). */
export function LinkButton({ variant, size, block, className, ...props }: LinkButtonProps) {
  return <Link className={buttonClassName({ variant, size, block }, className)} {...props} />;
}
