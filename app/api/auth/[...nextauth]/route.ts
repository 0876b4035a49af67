// next-auth's own sign-in/out and session endpoints (its CSRF-protected door, not a data door).
import { handlers } from "@/lib/auth/next-auth";

export const { GET, POST } = handlers;
