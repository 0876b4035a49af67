import { defineUseCase } from "@/lib/api/use-case";
import { hashPassword } from "@/lib/auth/credentials";
import { encryptField, lookupHash } from "@/lib/crypto";
import { ruleViolation } from "@/lib/errors";
import { RegisterResidentInput } from "@/lib/accounts/schemas";

const PHONE_TAKEN = "该手机号已注册，请直接登录";
const ID_NUMBER_TAKEN = "该身份证号码已绑定其他账号，如有疑问请拨打 12348 咨询";

export type RegisteredResident = { userId: number; phone: string };

/**
 * 群众自助注册: a resident account that signs in with its phone number. The ID number is optional
 * and kept only as ciphertext plus a keyed hash (one account per ID number).
 */
export const registerResidentUseCase = defineUseCase({
  name: "account.register",
  permission: "account.register",
  write: true,
  input: RegisterResidentInput,
  target: (_input, result: RegisteredResident) => ({ type: "User", id: result.userId }),
  async run({ input, db }): Promise<RegisteredResident> {
    const idNumberHash = input.idNumber ? lookupHash(input.idNumber) : null;

    // Friendly, field-specific answers for the common case; the unique indexes below still decide
    // when two registrations race.
    const taken = await db.user.findFirst({ where: { phone: input.phone }, select: { id: true } });
    if (taken) throw ruleViolation(PHONE_TAKEN, "phone");
    if (idNumberHash) {
      const bound = await db.user.findFirst({ where: { idNumberHash }, select: { id: true } });
      if (bound) throw ruleViolation(ID_NUMBER_TAKEN, "idNumber");
    }

    const passwordHash = await hashPassword(input.password);
    try {
      const user = await db.user.create({
        data: {
          name: input.name,
          phone: input.phone,
          username: null,
          passwordHash,
          idNumberCipher: input.idNumber ? encryptField(input.idNumber) : null,
          idNumberHash,
          memberships: { create: { role: "RESIDENT" } },
        },
        select: { id: true },
      });
      return { userId: user.id, phone: input.phone };
    } catch (error) {
      const fields = uniqueViolationFields(error);
      if (fields?.includes("idNumberHash")) throw ruleViolation(ID_NUMBER_TAKEN, "idNumber");
      if (fields) throw ruleViolation(PHONE_TAKEN, "phone");
      throw error;
    }
  },
});

/**
 * The columns of a violated unique constraint (Prisma P2002), or null for any other error.
 * With driver adapters the columns sit in `meta.driverAdapterError.cause.constraint.fields`;
 * older engines put them in `meta.target`. An empty list means "unique violation, columns unknown".
 */
function uniqueViolationFields(error: unknown): string[] | null {
  if (typeof error !== "object" || error === null || (error as { code?: unknown }).code !== "P2002") return null;
  const meta = (error as { meta?: Record<string, unknown> }).meta ?? {};
  const cause = (meta.driverAdapterError as { cause?: { constraint?: { fields?: unknown; index?: unknown } } } | undefined)
    ?.cause;
  const candidates = [meta.target, cause?.constraint?.fields, cause?.constraint?.index];
  const names = candidates.flatMap((c) => (Array.isArray(c) ? c : typeof c === "string" ? [c] : [])).map(String);
  return names.map((n) => (n.includes("idNumberHash") ? "idNumberHash" : n.includes("phone") ? "phone" : n));
}
