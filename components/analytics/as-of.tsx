const FORMAT = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

/**
 * How fresh the figures are (`as_of` of the dashboard answers): the aggregates are kept up to date by a
 * background consumer within seconds of each write, and a read never waits for it.
 */
export function AsOf({ at }: { at: string }) {
  return (
    <p className="text-xs text-slate-500" data-testid="as-of">
      Figures include activity up to <time dateTime={at}>{FORMAT.format(new Date(at))} UTC</time>.
    </p>
  );
}
