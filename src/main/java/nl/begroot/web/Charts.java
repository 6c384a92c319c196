package nl.begroot.web;

import java.util.List;
import nl.begroot.render.HtmlTableRenderer;

/**
 * Bar charts as inline SVG: groups (years) of bars (series), with a title and description for
 * screen readers. A chart on a page is always followed by the table with its figures.
 */
final class Charts {
  private static final String[] COLOURS = {"#1f4e79", "#c55a11", "#38761d", "#7030a0", "#7f6000", "#0b5394", "#990000"};

  private Charts() {}

  /** One series: a name and a value (in thousands) per group. */
  record Series(String name, long[] values) {}

  static String groupedBars(String id, String title, String description, List<String> groups, List<Series> series) {
    int width = 720;
    int height = 300;
    int left = 60;
    int bottom = 40;
    int top = 20;
    int legendWidth = 0;
    long max = 1;
    long min = 0;
    for (Series s : series) {
      for (long v : s.values()) {
        max = Math.max(max, v);
        min = Math.min(min, v);
      }
    }
    int plotHeight = height - top - bottom;
    int plotWidth = width - left - 10 - legendWidth;
    double scale = plotHeight / (double) (max - min);
    double zeroY = top + max * scale;
    double groupWidth = plotWidth / (double) groups.size();
    double barWidth = Math.max(2, (groupWidth - 12) / Math.max(1, series.size()));
    StringBuilder svg = new StringBuilder(8192);
    String e = HtmlTableRenderer.escape(id);
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"begroot-svg\" viewBox=\"0 0 ").append(width).append(' ')
        .append(height + 20 + 18 * ((series.size() + 2) / 3)).append("\" role=\"img\" aria-labelledby=\"").append(e).append("-t ").append(e)
        .append("-d\"><title id=\"").append(e).append("-t\">").append(HtmlTableRenderer.escape(title)).append("</title><desc id=\"")
        .append(e).append("-d\">").append(HtmlTableRenderer.escape(description)).append("</desc>");
    // axis and grid: 5 steps
    for (int i = 0; i <= 4; i++) {
      long value = min + (max - min) * i / 4;
      double y = zeroY - value * scale;
      svg.append(String.format(java.util.Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#bbbbbb\" stroke-width=\"1\"/>",
          left, width - 10, y, y));
      svg.append(String.format(java.util.Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\" fill=\"#222222\">%s</text>",
          left - 4, y + 4, nl.begroot.core.text.Dutch.whole(value)));
    }
    for (int g = 0; g < groups.size(); g++) {
      double gx = left + g * groupWidth + 6;
      for (int s = 0; s < series.size(); s++) {
        long v = series.get(s).values()[g];
        double y1 = zeroY - Math.max(v, 0) * scale;
        double h = Math.abs(v) * scale;
        svg.append(String.format(java.util.Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s %s: %s</title></rect>",
            gx + s * barWidth, y1, barWidth - 1, Math.max(h, 0.5), COLOURS[s % COLOURS.length],
            HtmlTableRenderer.escape(series.get(s).name()), HtmlTableRenderer.escape(groups.get(g)), nl.begroot.core.text.Dutch.whole(v)));
      }
      svg.append(String.format(java.util.Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\" fill=\"#222222\">%s</text>",
          gx + groupWidth / 2 - 6, height - bottom + 16, HtmlTableRenderer.escape(groups.get(g))));
    }
    for (int s = 0; s < series.size(); s++) {
      int col = s % 3;
      int row = s / 3;
      int x = left + col * 220;
      int y = height + 4 + row * 18;
      svg.append("<rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"12\" height=\"12\" fill=\"")
          .append(COLOURS[s % COLOURS.length]).append("\"/>");
      svg.append("<text x=\"").append(x + 16).append("\" y=\"").append(y + 11).append("\" font-size=\"12\" fill=\"#222222\">")
          .append(HtmlTableRenderer.escape(series.get(s).name())).append("</text>");
    }
    svg.append("</svg>");
    return svg.toString();
  }
}
