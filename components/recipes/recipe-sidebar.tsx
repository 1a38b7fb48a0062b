"use client";

/**
 * The recipe sidebar inside the mission stage player: top recommendations for the current stage.
 * Interface agreed with the mission player; implemented by the recipe work (issue 6).
 */
export function RecipeSidebar(_props: { missionId: string; missionCode: string; progressId: string | null; stage: string }) {
  return null;
}
