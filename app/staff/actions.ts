"use server";

import { serverAction } from "@/lib/api/action";
import { updateOrganizationContact } from "@/lib/network/manage-organization";

export const saveOrganizationContact = serverAction(updateOrganizationContact, { revalidate: ["/staff", "/service-points"] });
