"use client";
import { useEffect } from "react";

/**
 * Records one `viewed` event per visit with the time the page was visible (duration_ms), sent
 * when the learner leaves (page hidden, navigation away or unmount) with a keepalive request.
 */
export function RecipeViewTracker({ slug }: { slug: string }) {
  useEffect(() => {
    let visibleSince: number | null = document.visibilityState === "visible" ? performance.now() : null;
    let total = 0;
    let sent = false;
    const pause = () => {
      if (visibleSince !== null) total += performance.now() - visibleSince;
      visibleSince = null;
    };
    const send = () => {
      pause();
      if (sent) return;
      sent = true;
      const body = JSON.stringify({ event: "viewed", duration_ms: Math.min(Math.round(total), 86_400_000) });
      fetch(`/api/v1/recipes/${encodeURIComponent(slug)}/progress`, { method: "POST", headers: { "content-type": "application/json" }, body, keepalive: true }).catch(() => {});
    };
    const onVisibility = () => {
      if (document.visibilityState === "hidden") send();
      else if (visibleSince === null) visibleSince = performance.now();
    };
    document.addEventListener("visibilitychange", onVisibility);
    window.addEventListener("pagehide", send);
    return () => {
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("pagehide", send);
      send();
    };
  }, [slug]);
  return null;
}
