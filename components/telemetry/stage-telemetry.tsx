"use client";

import { useEffect } from "react";
import { VisibleClock, getTracker } from "@/lib/telemetry/tracker";

/**
 * Sends stage.entered / stage.left (visible time only) for the stage on screen.
 * Each visible interval is one entered/left pair; stage.left carries payload.visible_ms, so time per
 * stage is the sum of those intervals (hidden tabs and backgrounded phones do not count).
 */
export function StageTelemetry({ missionId, progressId, stage }: { missionId: string; progressId: string; stage: string }) {
  useEffect(() => {
    const tracker = getTracker();
    if (!tracker) return;
    const ctx = { mission: missionId, progress: progressId, stage };
    const clock = new VisibleClock();
    let inside = false;

    const enter = () => {
      if (inside) return;
      inside = true;
      clock.reset();
      clock.visible();
      tracker.track("stage.entered", ctx);
    };
    const leave = (reason: string) => {
      if (!inside) return;
      inside = false;
      clock.hidden();
      tracker.track("stage.left", { ...ctx, payload: { visible_ms: clock.reset(), reason } });
    };
    const onVisibility = () => {
      if (document.visibilityState === "visible") enter();
      else {
        leave("hidden");
        tracker.beacon();
      }
    };
    const onPageHide = () => {
      leave("pagehide");
      tracker.beacon();
    };

    if (document.visibilityState === "visible") enter();
    document.addEventListener("visibilitychange", onVisibility);
    window.addEventListener("pagehide", onPageHide);
    return () => {
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("pagehide", onPageHide);
      leave("unmount");
      void tracker.flush();
    };
  }, [missionId, progressId, stage]);
  return null;
}
