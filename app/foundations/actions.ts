"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/api/action";
import { TRACKS } from "@/lib/db/schema/enums";
import { completeModule, enrol, unenrol } from "@/lib/foundations/progress";

// Server actions of the Foundations page (the app's own forms); the API offers the same through
// POST /foundations/{module}/complete and POST /tracks/{track}/enroll.

export const markModuleDoneAction = action(
  { schema: z.object({ module: z.string().min(1).max(80) }), permission: "foundations:complete" },
  async ({ module }, caller) => {
    const m = await completeModule({ caller, module });
    revalidatePath("/foundations");
    revalidatePath("/dashboard");
    return { ok: true, message: `Marked done.`, data: { module: m.slug } };
  },
);

export const enrolmentAction = action(
  { schema: z.object({ track: z.enum(TRACKS), enrolled: z.enum(["1", "0"]) }), permission: "tracks:enroll" },
  async ({ track, enrolled }, caller) => {
    if (enrolled === "1") await enrol({ caller, track });
    else await unenrol({ caller, track });
    revalidatePath("/foundations");
    revalidatePath("/dashboard");
    return { ok: true };
  },
);
