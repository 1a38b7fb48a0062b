"use client";

/**
 * Sends stage.entered / stage.left (visible time only) for the stage on screen.
 * Interface agreed with the mission player; implemented by the telemetry work (issue 7).
 */
export function StageTelemetry(_props: { missionId: string; progressId: string; stage: string }) {
  return null;
}
