"use server";

import { serverAction } from "@/lib/api/action";
import { createOrganization, updateOrganization } from "@/lib/network/manage-organization";

// The public finder lists the same rows, so it is revalidated too.
const revalidate = ["/admin/organizations", "/admin", "/service-points"];

export const createOrganizationAction = serverAction(createOrganization, { revalidate });
export const updateOrganizationAction = serverAction(updateOrganization, { revalidate });
