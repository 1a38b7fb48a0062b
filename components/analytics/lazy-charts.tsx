"use client";
import dynamic from "next/dynamic";
import { Skeleton } from "@/components/ui";

// The charts (recharts and its dependencies: about half of an analytics page's JavaScript) load on
// their own after the page, which shows a placeholder of the chart's size until then. They are
// decoration beside tables carrying the same figures, and draw only in a browser, so they are not
// rendered on the server. Import charts from here, never from the chart modules directly.

const placeholder = (height: string) =>
  function ChartPlaceholder() {
    return <Skeleton className={`${height} w-full`} />;
  };

export const FunnelChart = dynamic(() => import("./charts").then((m) => m.FunnelChart), { ssr: false, loading: placeholder("h-72") });
export const ColumnChart = dynamic(() => import("./charts").then((m) => m.ColumnChart), { ssr: false, loading: placeholder("h-56") });
export const DecisionChart = dynamic(() => import("./charts").then((m) => m.DecisionChart), { ssr: false, loading: placeholder("h-40") });
export const PathsSankey = dynamic(() => import("./sankey-chart").then((m) => m.PathsSankey), { ssr: false, loading: placeholder("h-80") });
export const EffectivenessChart = dynamic(() => import("@/components/recipes/effectiveness-chart").then((m) => m.EffectivenessChart), { ssr: false, loading: placeholder("h-40") });
