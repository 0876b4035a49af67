import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { db } from "@/lib/db";
import { verifyCredentials } from "@/lib/auth/credentials";
import { logger } from "@/lib/logger";

// Sessions are signed JWT cookies (the Credentials provider supports no database sessions); the actor
// is re-read from the database on every request (lib/auth/actor.ts), so a removed role or a
// deactivated user takes effect at once.
export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
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
      credentials: { login: {}, password: {} },
      async authorize(credentials, request) {
        const headers = request?.headers;
        const user = await verifyCredentials(db, credentials, {
          ip: headers?.get("x-forwarded-for")?.split(",")[0]?.trim() ?? null,
          userAgent: headers?.get("user-agent") ?? null,
        });
        return user ? { id: String(user.id), name: user.name } : null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user, trigger, session }) {
      if (user?.id) token.uid = Number(user.id);
      if (trigger === "update" && typeof session?.membershipId === "number") token.mid = session.membershipId;
      return token;
    },
    session({ session, token }) {
      return { ...session, userId: token.uid as number | undefined, membershipId: token.mid as number | undefined };
    },
  },
});
