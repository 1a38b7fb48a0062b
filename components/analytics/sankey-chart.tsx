"use client";

import { Layer, Rectangle, ResponsiveContainer, Sankey, Tooltip } from "recharts";

// The paths Sankey (decoration beside its table: the same numbers are in the table below it).

interface Props {
  nodes: { id: string; title: string; expert: boolean }[];
  links: { source: string; target: string; count: number; expert: boolean }[];
}

function Node(props: { x: number; y: number; width: number; height: number; payload: { name: string; expert: boolean } }) {
  const { x, y, width, height, payload } = props;
  return (
    <Layer>
      <Rectangle x={x} y={y} width={width} height={height} fill={payload.expert ? "#0f9d76" : "#1f58d0"} fillOpacity={0.9} />
      <text x={x + width + 6} y={y + height / 2} dy="0.35em" fontSize={12} fill="#0f172a">
        {payload.name.length > 28 ? `${payload.name.slice(0, 27)}…` : payload.name}
      </text>
    </Layer>
  );
}

export function PathsSankey({ nodes, links }: Props) {
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const data = {
    nodes: nodes.map((n) => ({ name: n.title, expert: n.expert })),
    links: links.filter((l) => index.has(l.source) && index.has(l.target)).map((l) => ({ source: index.get(l.source)!, target: index.get(l.target)!, value: l.count, expert: l.expert })),
  };
  if (data.links.length === 0) return null;
  return (
    <div aria-hidden="true" className="h-80 w-full overflow-x-auto">
      <div className="h-full min-w-[40rem]">
        <ResponsiveContainer width="100%" height="100%">
          <Sankey accessibilityLayer={false} data={data} nodePadding={28} nodeWidth={12} margin={{ top: 8, right: 170, bottom: 8, left: 8 }} node={Node as never} link={{ stroke: "#94a3b8", strokeOpacity: 0.35 }}>
            <Tooltip />
          </Sankey>
        </ResponsiveContainer>
      </div>
    </div>
  );
}
