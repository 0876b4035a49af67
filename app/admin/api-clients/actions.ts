"use server";

import { serverAction } from "@/lib/api/action";
import { createApiClient, revokeApiClient } from "@/lib/api-clients/manage-api-clients";

const revalidate = ["/admin/api-clients", "/admin"];

export const createApiClientAction = serverAction(createApiClient, { revalidate });
export const revokeApiClientAction = serverAction(revokeApiClient, { revalidate });
