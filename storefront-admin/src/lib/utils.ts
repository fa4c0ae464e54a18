import { clsx, type ClassValue } from "clsx";
import { twMerge } from "tailwind-merge";

/** Joins class names and lets later Tailwind classes win over earlier ones. */
export function cn(...inputs: ClassValue[]): string {
  return twMerge(clsx(inputs));
}

/** Props of a component that forwards its root element through `bind:ref`. */
export type WithElementRef<T, U extends HTMLElement = HTMLElement> = T & { ref?: U | null };
