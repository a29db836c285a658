package fr.opendmp.bench.run;

/**
 * One line of the results table.
 *
 * @param figure what is measured
 * @param sdk the SDK's figure, with its unit
 * @param baseline the baseline's figure, with its unit
 * @param ratio SDK ÷ baseline (or as the bar states it)
 * @param bar the bar
 * @param met "yes", "no", or "n/a" (reported only)
 */
public record Row(String figure, String sdk, String baseline, String ratio, String bar, String met) {

    /** @return a row for a figure that could not be measured */
    public static Row failed(String figure, String bar, Throwable e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
        return new Row(figure, "failed: " + why, "", "", bar, "no");
    }

    /** @return the Markdown table line */
    public String markdown() {
        return "| " + String.join(" | ", figure, sdk, baseline, ratio, bar, met) + " |";
    }

    /** @return yes or no */
    public static String met(boolean ok) {
        return ok ? "yes" : "**no**";
    }
}
