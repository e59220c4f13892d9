package io.camelsegment.benchmarks.throughput;

import java.util.List;
import java.util.Locale;

/** Draws the run's median events/s per contender as a horizontal bar chart in SVG, with no library. */
public final class ThroughputChart {

    private static final int LABEL_WIDTH = 250;
    private static final int BAR_WIDTH = 520;
    private static final int ROW = 24;

    private ThroughputChart() {
    }

    public static String svg(String title, List<ThroughputRun.Result> results) {
        double max = results.stream().mapToDouble(ThroughputRun.Result::eventsPerSecond).max().orElse(1);
        int height = 40 + ROW * results.size() + 10;
        int width = LABEL_WIDTH + BAR_WIDTH + 110;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">%n",
                width, height));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
        svg.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"20\" font-size=\"14\" font-weight=\"bold\">%s</text>%n",
                escape(title)));
        for (int i = 0; i < results.size(); i++) {
            ThroughputRun.Result result = results.get(i);
            int y = 36 + i * ROW;
            double length = max <= 0 ? 0 : BAR_WIDTH * result.eventsPerSecond() / max;
            String colour = result.name().startsWith("segment:") ? "#2b7bb9"
                    : result.name().startsWith("limit") ? "#9a9a9a" : "#d9822b";
            svg.append(String.format(Locale.ROOT,
                    "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n", LABEL_WIDTH - 8, y + 14,
                    escape(result.name())));
            svg.append(String.format(Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>%n", LABEL_WIDTH, y + 2, length,
                    ROW - 6, colour));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%,.0f/s</text>%n",
                    LABEL_WIDTH + length + 6, y + 14, result.eventsPerSecond()));
        }
        return svg.append("</svg>\n").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
