import { z } from "zod";

export const registerSchema = z.object({
  email: z.email("Enter a valid email address").max(320),
  password: z.string().min(10, "Use at least 10 characters").max(200, "Use at most 200 characters"),
  name: z.string().trim().min(1, "Tell us your name").max(120),
});
