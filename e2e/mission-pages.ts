import type { Page } from "@playwright/test";
import { expect } from "./fixtures";
import { FOUNDATIONS } from "../lib/content/foundations";

/** Page objects for the learner's mission screens. */
export class LearnerPages {
  constructor(private page: Page) {}

  /** Passes every required module's self-check in the app, answering from the content pack (the way a learner who read it would). */
  async completeFoundations() {
    for (const m of FOUNDATIONS.filter((x) => x.required !== false)) {
      await this.page.goto(`/foundations/${m.slug}`);
      for (const q of m.self_check ?? []) {
        const right = q.choices.find((c) => c.correct)!;
        await this.page.getByRole("group", { name: q.prompt }).getByLabel(right.text, { exact: true }).check();
      }
      await this.page.getByRole("button", { name: "Check my answers" }).click();
      await expect(this.page.getByText("Self-check passed")).toBeVisible();
    }
    await this.page.goto("/foundations");
    await expect(this.page.getByText("Foundations complete")).toBeVisible();
  }

  async enrol(track: string) {
    await this.page.getByRole("button", { name: `Enrol in ${track}` }).click();
    await expect(this.page.getByRole("button", { name: `Leave ${track}` })).toBeVisible();
  }

  missionCard(code: string) {
    return this.page.getByRole("listitem").filter({ has: this.page.getByText(code, { exact: true }) }).first();
  }

  async startMission(code: string) {
    await this.page.goto(`/missions/${code}`);
    await this.page.getByRole("button", { name: "Start mission" }).click();
    await this.page.waitForURL(`**/missions/${code}/play`);
  }

  stageHeading() {
    return this.page.getByRole("heading", { level: 1 });
  }

  async completeStage(notes: string, answer?: { label: string | RegExp; value: string }) {
    await this.page.getByLabel("Your notes").fill(notes);
    if (answer) await this.page.getByLabel(answer.label).fill(answer.value);
    await this.page.getByRole("button", { name: "Complete stage" }).click();
  }

  async uploadEvidence(name: string, content: string) {
    await this.page.getByLabel("Choose files").setInputFiles({ name, mimeType: "text/plain", buffer: Buffer.from(content) });
    await this.page.getByRole("button", { name: "Upload 1 file" }).click();
    await expect(this.page.getByText("1 file uploaded.")).toBeVisible();
    await expect(this.page.getByRole("list", { name: "Evidence attached to this stage" }).getByRole("link", { name })).toBeVisible();
  }

  async decide(label: string | RegExp) {
    await this.page.getByRole("radio", { name: label }).check();
    await this.page.getByRole("button", { name: "Commit to this decision" }).click();
    await expect(this.page.getByText("Decision made")).toBeVisible();
  }

  path() {
    return this.page.getByRole("list", { name: "Your path so far" }).first();
  }
}
