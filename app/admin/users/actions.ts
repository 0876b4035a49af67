"use server";

import { serverAction } from "@/lib/api/action";
import { forceSignOut, resetUserTotp, setUserActive, unlockUser } from "@/lib/accounts/manage-users";

const revalidate = ["/admin/users"];

export const forceSignOutAction = serverAction(forceSignOut, { revalidate });
export const unlockUserAction = serverAction(unlockUser, { revalidate });
export const setUserActiveAction = serverAction(setUserActive, { revalidate });
export const resetUserTotpAction = serverAction(resetUserTotp, { revalidate });
