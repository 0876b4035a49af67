"use server";

import { serverAction } from "@/lib/api/action";
import { endOwnSession } from "@/lib/accounts/account-security";
import { changePassword } from "@/lib/accounts/change-password";
import { confirmTotp, disableTotp, startTotpEnrolment } from "@/lib/accounts/totp-settings";

const revalidate = ["/account/security"];

export const changePasswordAction = serverAction(changePassword, { revalidate });
export const endSessionAction = serverAction(endOwnSession, { revalidate });
// not revalidated: the page would re-render around the new secret, which is shown only this once
export const startTotpAction = serverAction(startTotpEnrolment);
export const confirmTotpAction = serverAction(confirmTotp, { revalidate });
export const disableTotpAction = serverAction(disableTotp, { revalidate });
