package nl.begroot.render;

import static nl.begroot.render.HtmlTableRenderer.escape;

import java.util.List;
import java.util.Locale;
import nl.begroot.core.text.Dutch;

/**
 * Charts as SVG text, one source for the web pages, the HTML document and the PDF. Values are printed figures (whole
 * thousands); pixel positions are computed in floating point, which is fine for drawing and never
 * touches an amount. Every chart carries a title and a description (its text alternative); the
 * document prints the chart's figures in a table next to it. Each bar carries its value
 * ({@code data-value}, printed thousands), so that two drawings of the same data are the same text.
 */
public final class Charts {
  static final String[] COLOURS = {"#01689b", "#e17000", "#39870c", "#a90061", "#6f5e00", "#42145f", "#007bc7", "#d52b1e"};
  private static final String FONT = "font-family=\"DejaVu Sans, sans-serif\"";

  private Charts() {}

  /** One series of a grouped bar chart: a name for the legend and one value per category. */
  public record Series(String name, long[] values) {}

  /**
   * Vertical bars grouped per category (e.g. a year), one bar per series (e.g. a programme), with a
   * value axis, gridlines and a legend.
   */
  public static String groupedBars(String id, String title, String description, List<String> categories, List<Series> series) {
    int width = 640;
    int perRow = series.stream().anyMatch(x -> x.name().length() > 40) ? 1 : 2; // long names get a row each
    int legendRows = (series.size() + perRow - 1) / perRow;
    int plotTop = 20;
    int plotBottom = 250;
    int height = plotBottom + 40 + legendRows * 18;
    int plotLeft = 70;
    int plotRight = width - 10;
    long min = 0;
    long max = 0;
    for (Series s : series) {
      for (long v : s.values()) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    long[] ticks = ticks(min, max);
    long low = ticks[0];
    long high = ticks[ticks.length - 1];
    StringBuilder svg = open(id, title, description, width, height);
    axis(svg, ticks, low, high, plotLeft, plotRight, plotTop, plotBottom);
    double groupWidth = (plotRight - plotLeft) / (double) categories.size();
    double barWidth = Math.min(22, groupWidth * 0.8 / Math.max(1, series.size()));
    for (int c = 0; c < categories.size(); c++) {
      double groupLeft = plotLeft + c * groupWidth + (groupWidth - barWidth * series.size()) / 2;
      for (int s = 0; s < series.size(); s++) {
        long v = series.get(s).values()[c];
        double y0 = y(0, low, high, plotTop, plotBottom);
        double y1 = y(v, low, high, plotTop, plotBottom);
        svg.append("<rect x=\"").append(f(groupLeft + s * barWidth)).append("\" y=\"").append(f(Math.min(y0, y1)))
            .append("\" width=\"").append(f(barWidth - 1)).append("\" height=\"").append(f(Math.max(0.5, Math.abs(y1 - y0))))
            .append("\" fill=\"").append(COLOURS[s % COLOURS.length]).append("\" data-value=\"").append(v).append("\"/>");
      }
      svg.append("<text x=\"").append(f(plotLeft + c * groupWidth + groupWidth / 2)).append("\" y=\"").append(plotBottom + 16)
          .append("\" text-anchor=\"middle\" font-size=\"11\" ").append(FONT).append(">").append(escape(categories.get(c))).append("</text>");
    }
    for (int s = 0; s < series.size(); s++) {
      int x = plotLeft + (s % perRow) * 280;
      int y = plotBottom + 34 + (s / perRow) * 18;
      svg.append("<rect x=\"").append(x).append("\" y=\"").append(y - 10).append("\" width=\"12\" height=\"12\" fill=\"")
          .append(COLOURS[s % COLOURS.length]).append("\"/>");
      svg.append("<text x=\"").append(x + 18).append("\" y=\"").append(y).append("\" font-size=\"11\" ").append(FONT).append(">")
          .append(escape(shorten(series.get(s).name(), 90))).append("</text>");
    }
    return svg.append("</svg>").toString();
  }

  /** Horizontal bars, one per label (e.g. a province), with the value written at the end of the bar. */
  public static String horizontalBars(String id, String title, String description, List<String> labels, long[] values) {
    int width = 640;
    int rowHeight = 18;
    int plotTop = 10;
    int plotLeft = 130;
    int plotRight = width - 60;
    int plotBottom = plotTop + rowHeight * labels.size();
    int height = plotBottom + 30;
    long min = 0;
    long max = 0;
    for (long v : values) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    long[] ticks = ticks(min, max);
    long low = ticks[0];
    long high = ticks[ticks.length - 1];
    StringBuilder svg = open(id, title, description, width, height);
    for (long t : ticks) {
      double x = x(t, low, high, plotLeft, plotRight);
      svg.append("<line x1=\"").append(f(x)).append("\" y1=\"").append(plotTop).append("\" x2=\"").append(f(x)).append("\" y2=\"")
          .append(plotBottom).append("\" stroke=\"").append(t == 0 ? "#333333" : "#dddddd").append("\" stroke-width=\"1\"/>");
      svg.append("<text x=\"").append(f(x)).append("\" y=\"").append(plotBottom + 16).append("\" text-anchor=\"middle\" font-size=\"10\" ")
          .append(FONT).append(">").append(Dutch.whole(t)).append("</text>");
    }
    for (int i = 0; i < labels.size(); i++) {
      double yTop = plotTop + i * rowHeight + 3;
      double x0 = x(0, low, high, plotLeft, plotRight);
      double x1 = x(values[i], low, high, plotLeft, plotRight);
      svg.append("<text x=\"").append(plotLeft - 6).append("\" y=\"").append(f(yTop + 11)).append("\" text-anchor=\"end\" font-size=\"11\" ")
          .append(FONT).append(">").append(escape(shorten(labels.get(i), 20))).append("</text>");
      svg.append("<rect x=\"").append(f(Math.min(x0, x1))).append("\" y=\"").append(f(yTop)).append("\" width=\"")
          .append(f(Math.max(0.5, Math.abs(x1 - x0)))).append("\" height=\"").append(rowHeight - 6).append("\" fill=\"")
          .append(values[i] < 0 ? COLOURS[1] : COLOURS[0]).append("\" data-value=\"").append(values[i]).append("\"/>");
      double labelX = values[i] < 0 ? Math.min(x0, x1) - 4 : Math.max(x0, x1) + 4;
      svg.append("<text x=\"").append(f(labelX)).append("\" y=\"").append(f(yTop + 11)).append("\" text-anchor=\"")
          .append(values[i] < 0 ? "end" : "start").append("\" font-size=\"10\" ").append(FONT).append(">")
          .append(Dutch.whole(values[i])).append("</text>");
    }
    return svg.append("</svg>").toString();
  }

  private static StringBuilder open(String id, String title, String description, int width, int height) {
    StringBuilder svg = new StringBuilder(8192);
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"").append(escape(id)).append("\" class=\"begroot-chart\" role=\"img\" ")
        .append("aria-labelledby=\"").append(escape(id)).append("-title ").append(escape(id)).append("-desc\" viewBox=\"0 0 ")
        .append(width).append(' ').append(height).append("\" width=\"").append(width).append("\" height=\"").append(height).append("\">");
    svg.append("<title id=\"").append(escape(id)).append("-title\">").append(escape(title)).append("</title>");
    svg.append("<desc id=\"").append(escape(id)).append("-desc\">").append(escape(description)).append("</desc>");
    svg.append("<rect x=\"0\" y=\"0\" width=\"").append(width).append("\" height=\"").append(height).append("\" fill=\"#ffffff\"/>");
    return svg;
  }

  private static void axis(StringBuilder svg, long[] ticks, long low, long high, int left, int right, int top, int bottom) {
    for (long t : ticks) {
      double y = y(t, low, high, top, bottom);
      svg.append("<line x1=\"").append(left).append("\" y1=\"").append(f(y)).append("\" x2=\"").append(right).append("\" y2=\"").append(f(y))
          .append("\" stroke=\"").append(t == 0 ? "#333333" : "#dddddd").append("\" stroke-width=\"1\"/>");
      svg.append("<text x=\"").append(left - 6).append("\" y=\"").append(f(y + 4)).append("\" text-anchor=\"end\" font-size=\"10\" ")
          .append(FONT).append(">").append(Dutch.whole(t)).append("</text>");
    }
  }

  /** Round tick values from below min to above max: 1, 2 or 5 times a power of ten apart. */
  public static long[] ticks(long min, long max) {
    long range = Math.max(1, max - min);
    long step = 1;
    while (range / step > 6) {
      long base = step;
      if (range / (base * 2) <= 6) {
        step = base * 2;
        break;
      }
      if (range / (base * 5) <= 6) {
        step = base * 5;
        break;
      }
      step = base * 10;
    }
    long low = Math.floorDiv(min, step) * step;
    long high = -Math.floorDiv(-max, step) * step;
    if (high == low) {
      high = low + step;
    }
    int n = (int) ((high - low) / step) + 1;
    long[] ticks = new long[n];
    for (int i = 0; i < n; i++) {
      ticks[i] = low + i * step;
    }
    return ticks;
  }

  private static double y(long v, long low, long high, int top, int bottom) {
    return bottom - (double) (v - low) / (high - low) * (bottom - top);
  }

  private static double x(long v, long low, long high, int left, int right) {
    return left + (double) (v - low) / (high - low) * (right - left);
  }

  private static String f(double d) {
    return String.format(Locale.ROOT, "%.1f", d);
  }

  private static String shorten(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
