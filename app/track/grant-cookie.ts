import { cookies } from "next/headers";
import { defineUseCase } from "@/lib/api/use-case";
import { env } from "@/lib/env";
import { GRANT_COOKIE } from "@/lib/tracking/grant";
import { verifyLookupCode } from "@/lib/tracking/verify-code";

/**
 * The code check, then its grant goes into an httpOnly cookie sent only to that number's page
 * (path /track/{number}): the browser's scripts never see it, and it opens no other order. No
 * max-age, so closing the browser on a shared computer ends it; the signature expires it anyway.
 */
export const verifyAndGrant = defineUseCase({
  name: verifyLookupCode.name,
  permission: verifyLookupCode.permission,
  write: verifyLookupCode.write,
  input: verifyLookupCode.input,
  async run(ctx) {
    const { token, ...shown } = await verifyLookupCode.run(ctx);
    (await cookies()).set(GRANT_COOKIE, token, {
      httpOnly: true,
      sameSite: "strict",
      secure: env().PUBLIC_BASE_URL.startsWith("https:"),
      path: `/track/${shown.number}`,
    });
    return shown;
  },
});
