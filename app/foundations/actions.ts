"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/api/action";
import { TRACKS } from "@/lib/db/schema/enums";
import { checkModule, completeModule, enrol, unenrol } from "@/lib/foundations/progress";

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

// The self-check form posts one radio group per question, named `answer.<question id>`.
const ANSWER = "answer.";

export const selfCheckAction = action(
  { schema: z.object({ module: z.string().min(1).max(80) }).catchall(z.union([z.string().max(80), z.array(z.string().max(80))])), permission: "foundations:complete" },
  async (input, caller) => {
    const answers: Record<string, string> = {};
    for (const [k, v] of Object.entries(input)) if (k.startsWith(ANSWER) && typeof v === "string") answers[k.slice(ANSWER.length)] = v;
    const r = await checkModule({ caller, module: input.module, answers });
    if (r.passed) {
      revalidatePath("/foundations");
      revalidatePath("/dashboard");
    }
    const message = r.passed ? `Passed: ${r.correct} of ${r.total} right. Module done.` : `${r.correct} of ${r.total} right; ${r.pass_mark} needed to pass. Read the feedback, reread the part it points to, and try again.`;
    return { ok: true, message, data: { ...r } };
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
