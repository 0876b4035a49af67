import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { db } from "@/lib/db";
import { attemptSignIn, type SignInRefusal } from "@/lib/auth/credentials";
import { sessionLimits } from "@/lib/auth/sessions";
import { logger } from "@/lib/logger";

/** A refused sign-in with its reason, which the sign-in action reads to word its message. */
export class SignInRefused extends CredentialsSignin {
  constructor(readonly refusal: SignInRefusal, readonly retryAfterSeconds?: number) {
    super();
    this.code = refusal;
  }
}

// The JWT cookie is only a pointer: it carries the user id and the id of a server-side session row
// (lib/auth/sessions.ts), which decides on every request whether the session is alive (idle
// timeout, absolute lifetime, forced sign-out). The actor is re-read from the database each time
// (lib/auth/actor.ts), so a removed role or a deactivated user takes effect at once.
// The config is built on first use, not on import: `next build` imports routes without an environment.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  trustHost: true,
  // The cookie lives as long as the session row can; the row ends it sooner when idle.
  session: { strategy: "jwt", maxAge: Math.round(sessionLimits().maxMs / 1000) },
  pages: { signIn: "/login" },
  // A wrong password is an expected outcome (audited as DENIED), not a server error to log as one.
  logger: {
    error(error) {
      if (error.name === "CredentialsSignin" || (error as { type?: string }).type === "CredentialsSignin") return;
      logger.error({ err: error }, "auth error");
    },
    warn(code) {
      logger.warn({ code }, "auth warning");
    },
    debug() {},
  },
  providers: [
    Credentials({
      credentials: { login: {}, password: {}, totp: {} },
      async authorize(credentials, request) {
        const headers = request?.headers;
        const outcome = await attemptSignIn(db, credentials, {
          ip: headers?.get("x-forwarded-for")?.split(",")[0]?.trim() || headers?.get("x-real-ip") || null,
          userAgent: headers?.get("user-agent") ?? null,
        });
        if (!outcome.ok) throw new SignInRefused(outcome.refusal, outcome.retryAfterSeconds);
        return { id: String(outcome.user.id), name: outcome.user.name, sessionId: outcome.sessionId };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user, trigger, session }) {
      if (user?.id) {
        token.uid = Number(user.id);
        token.sid = (user as { sessionId?: string }).sessionId;
      }
      if (trigger === "update" && typeof session?.membershipId === "number") token.mid = session.membershipId;
      return token;
    },
    session({ session, token }) {
      return {
        ...session,
        userId: token.uid as number | undefined,
        sessionId: token.sid as string | undefined,
        membershipId: token.mid as number | undefined,
      };
    },
  },
}));
