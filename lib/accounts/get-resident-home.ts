import { z } from "zod";
import { defineUseCase } from "@/lib/api/use-case";
import { notFound } from "@/lib/errors";
import { decryptField } from "@/lib/crypto";
import { maskIdNumber, maskPhone } from "@/lib/identity/id-number";

/** A resident's own account, with personal data masked (the full values are never sent to the page). */
export const getResidentHome = defineUseCase({
  name: "resident.home",
  permission: "resident.home",
  write: false,
  input: z.object({}),
  async run({ db, actor }) {
    const user = await db.user.findUnique({
      where: { id: actor.userId ?? -1 },
      select: { name: true, phone: true, idNumberCipher: true, createdAt: true, lastSignInAt: true },
    });
    if (!user) throw notFound("账号");
    return {
      name: user.name,
      phoneMasked: user.phone ? maskPhone(user.phone) : null,
      idNumberMasked: user.idNumberCipher ? maskIdNumber(decryptField(user.idNumberCipher)) : null,
      registeredAt: user.createdAt,
      lastSignInAt: user.lastSignInAt,
    };
  },
});
