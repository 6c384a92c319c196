package nl.begroot.publish;

import static nl.begroot.publish.Html.esc;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.begroot.core.compare.Comparison;
import nl.begroot.core.figures.Table;
import nl.begroot.core.midyear.MidyearReport;
import nl.begroot.core.rounding.PrintedFigures;
import nl.begroot.render.CsvRenderer;
import nl.begroot.render.CsvText;
import nl.begroot.render.HtmlTableRenderer;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The Tussenrapportage published in the style of the budget (docs/midyear.md): one HTML page (and the
 * same page as a tagged PDF) with the two tables in thousands as the budget prints them (the same
 * renderer, the same controlled rounding), the reasons of the forecasts, the report's proposals and their
 * effect on the balancing item and on each member; a workbook with the printed tables and the exact
 * figures; the tables as CSV and JSON (the budget's open-data renderers, {@link CsvRenderer},
 * and a JSON of its own, {@link #json()}).
 *
 * @param title the report's name ("Tussenrapportage 2027 t/m juni")
 * @param organisation the organisation's name
 * @param budgetName the budget it reports on (the budget na wijziging's name)
 * @param status the version's status in words
 * @param illustration whether the figures are the shipped illustration (said so on the first page)
 * @param effect the budget na wijziging against the report's budget: what its proposals change
 * @param date the date the document carries (its adoption, else today); the PDF's bytes depend on it
 */
public record MidyearDocument(String title, String organisation, String budgetName, String status, boolean illustration,
    MidyearReport report, PrintedFigures printed, Comparison effect, java.time.LocalDate date) {

  /** The file formats, by the name of the download. */
  public static final List<String> FILES = List.of("tussenrapportage.html", "tussenrapportage.pdf", "tussenrapportage.xlsx",
      "tussenrapportage.csv", "tussenrapportage.json");

  /** Writes {@code file} (one of {@link #FILES}); false when it is none. */
  public boolean write(String file, OutputStream out) throws IOException {
    switch (file) {
      case "tussenrapportage.html" -> out.write(html(false).getBytes(StandardCharsets.UTF_8));
      case "tussenrapportage.pdf" -> Pdf.write(html(true), date, out);
      case "tussenrapportage.xlsx" -> xlsx(out);
      case "tussenrapportage.csv" -> out.write(csv().getBytes(StandardCharsets.UTF_8));
      case "tussenrapportage.json" -> out.write(json().getBytes(StandardCharsets.UTF_8));
      default -> {
        return false;
      }
    }
    return true;
  }

  /** The tables as CSV, the budget's open-data layout ({@link CsvRenderer#HEADER}). */
  public String csv() {
    StringBuilder s = new StringBuilder(CsvRenderer.HEADER);
    for (Table t : report.document().tables()) {
      s.append(CsvRenderer.render(report.document(), printed, t));
    }
    return s.toString();
  }

  private static final tools.jackson.databind.json.JsonMapper MAPPER = tools.jackson.databind.json.JsonMapper.builder().build();

  /** The format of {@link #json()}. */
  public static final String JSON_FORMAT = "begroot-midyear/1";

  /**
   * The report as JSON: per row the exact amounts in cents (budget na wijziging, realised, prognose,
   * deviation; absent where the report has none) and the printed ones in thousands, the reasons, and
   * the effect of its proposals on the balancing item and each member (cents per year).
   */
  public String json() {
    var root = MAPPER.createObjectNode();
    root.put("format", JSON_FORMAT).put("title", title).put("organisation", organisation).put("budget", budgetName).put("status", status)
        .put("illustration", illustration).put("year", report.year()).put("up_to_period", report.upToPeriod()).put("amounts_in", "cents");
    var rows = root.putArray("rows");
    for (MidyearReport.Row r : report.rows()) {
      row(rows.addObject(), r);
    }
    row(root.putObject("total"), report.total());
    var e = root.putObject("effect");
    var years = e.putArray("years");
    effect.years().forEach(years::add);
    deltas(e.putArray("balancing"), effect.balancing());
    var members = e.putObject("members");
    effect.members().forEach(m -> deltas(members.putArray(m.id()), m));
    var proposals = e.putArray("proposals");
    for (Comparison.ProposalChange c : effect.changedProposals()) {
      var pn = proposals.addObject().put("id", c.id()).put("title", c.title()).put("status", c.status().name().toLowerCase(java.util.Locale.ROOT));
      deltas(pn.putArray("change"), c.amounts());
    }
    return root.toPrettyString() + "\n";
  }

  private void deltas(tools.jackson.databind.node.ArrayNode into, Comparison.Line line) {
    for (int i = 0; i < effect.years().size(); i++) {
      into.add(line.delta(i));
    }
  }

  private void row(tools.jackson.databind.node.ObjectNode o, MidyearReport.Row r) {
    o.put("id", r.id()).put("kind", r.kind().name().toLowerCase(java.util.Locale.ROOT)).put("programme", r.programme()).put("unit", r.unit())
        .put("title", r.title());
    side(o.putObject("lasten"), MidyearReport.LASTEN, r.id(), r.lasten());
    side(o.putObject("baten"), MidyearReport.BATEN, r.id(), r.baten());
    if (r.reason() != null) {
      o.put("reason", r.reason());
    }
  }

  private void side(tools.jackson.databind.node.ObjectNode o, String table, String row, MidyearReport.Line l) {
    if (l.budget() != null) {
      o.put("budget", l.budget());
    }
    o.put("realised", l.realised());
    if (l.forecast() != null) {
      o.put("forecast", l.forecast());
    }
    if (l.deviation() != null) {
      o.put("deviation", l.deviation());
    }
    var printedNode = o.putObject("printed_thousands");
    for (String column : List.of(MidyearReport.BUDGET, MidyearReport.REALISED, MidyearReport.FORECAST, MidyearReport.DEVIATION)) {
      printed.value(true, MidyearReport.fig(table, row, column)).ifPresent(v -> printedNode.put(column, v));
    }
  }

  /** The content type of {@code file}. */
  public static String contentType(String file) {
    return file.endsWith(".pdf") ? "application/pdf" : file.endsWith(".xlsx") ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        : file.endsWith(".csv") ? "text/csv; charset=utf-8" : file.endsWith(".json") ? "application/json" : "text/html; charset=utf-8";
  }

  /** The whole report as one XHTML page (for the PDF with the print styles). */
  public String html(boolean forPdf) {
    String description = title + " van " + organisation + ": begroting na wijziging, realisatie t/m "
        + MidyearReport.monthName(report.upToPeriod()) + ", prognose en verwachte afwijking per programma en eenheid";
    StringBuilder h = new StringBuilder(Html.head(title + " – " + organisation, description, organisation, forPdf,
        forPdf ? Html.runningFooter(title) : null));
    h.append("<body class=\"begroot-document\">\n<main>\n<h1>").append(esc(title)).append("</h1>\n");
    h.append("<p>").append(esc(organisation)).append(" · ").append(esc(budgetName)).append(" · ").append(esc(status)).append(" · ")
        .append(esc(Html.date(date))).append("</p>\n");
    if (illustration) {
      h.append("<p><strong>Illustratie: de realisatie en de prognoses zijn verzonnen (plausibel bij de begroting), niet de werkelijke"
          + " cijfers van de vereniging.</strong></p>\n");
    }
    h.append("<p>Per programma de begroting na wijziging van ").append(report.year()).append(", de realisatie tot en met ")
        .append(esc(MidyearReport.monthName(report.upToPeriod()))).append(", de prognose voor het hele jaar en de verwachte afwijking"
            + " (prognose min begroting na wijziging; positief: meer lasten of baten dan begroot). De begroting stelt haar kaders per"
            + " programma vast; per eenheid staan de realisatie en de prognose. Bedragen x € 1.000; elke tabel telt op.</p>\n");
    if (!report.complete()) {
      h.append("<p>Nog niet elke eenheid heeft een prognose; waar die ontbreekt, blijven de prognose en de afwijking leeg.</p>\n");
    }
    for (Table t : report.document().tables()) {
      h.append("<h2>").append(esc(t.title())).append("</h2>\n")
          .append(HtmlTableRenderer.render(report.document(), printed, t, HtmlTableRenderer.Options.PLAIN)).append('\n');
    }
    h.append("<h2>Toelichting op de prognoses</h2>\n<table class=\"begroot-table\"><thead><tr><th scope=\"col\">Eenheid</th>"
        + "<th scope=\"col\">Reden</th></tr></thead><tbody>\n");
    for (MidyearReport.Row r : report.rows()) {
      if (r.reason() != null) {
        h.append("<tr><th scope=\"row\">").append(esc(r.unit() + " " + r.title().replaceFirst("^\\S+ ", ""))).append("</th><td>")
            .append(esc(r.reason())).append("</td></tr>\n");
      }
    }
    h.append("</tbody></table>\n");
    h.append("<h2>Voorstellen in de tussenrapportage</h2>\n");
    List<Comparison.ProposalChange> changed = effect.changedProposals();
    if (changed.isEmpty()) {
      h.append("<p>Deze tussenrapportage doet geen begrotingsvoorstellen.</p>\n");
    } else {
      h.append(effectTable("Begrotingsvoorstellen (wijziging, €)", changed.stream().map(c -> new Named(c.id() + " " + c.title(), c.amounts())).toList()));
      h.append(effectTable("Sluitpost: bijdrage van de leden (wijziging, €)", List.of(new Named("Sluitpost", effect.balancing()))));
      h.append(effectTable("Bijdrage per lid (wijziging, €)", effect.changedMembers().stream().map(l -> new Named(l.label(), l)).toList()));
    }
    h.append("</main>\n</body>\n</html>\n");
    return h.toString();
  }

  private record Named(String label, Comparison.Line line) {}

  private String effectTable(String caption, List<Named> lines) {
    StringBuilder h = new StringBuilder("<table class=\"begroot-table\"><caption>").append(esc(caption)).append("</caption><thead><tr><th scope=\"col\"></th>");
    for (int y : effect.years()) {
      h.append("<th scope=\"col\">").append(y).append("</th>");
    }
    h.append("</tr></thead><tbody>\n");
    for (Named n : lines) {
      h.append("<tr><th scope=\"row\">").append(esc(n.label())).append("</th>");
      for (int i = 0; i < effect.years().size(); i++) {
        h.append("<td>").append(esc(Html.money(n.line().delta(i)))).append("</td>");
      }
      h.append("</tr>\n");
    }
    return h.append("</tbody></table>\n").toString();
  }

  /** The workbook: one sheet per table with the printed figures (x € 1.000), and a sheet with every exact figure in euros. */
  public void xlsx(OutputStream out) throws IOException {
    try (Workbook wb = new Workbook(out, "Begroot", "1.0")) {
      wb.properties().setTitle(title + " " + organisation);
      for (Table t : report.document().tables()) {
        Worksheet ws = wb.newWorksheet(t.id().equals(MidyearReport.LASTEN) ? "Lasten" : "Baten");
        ws.value(0, 0, CsvText.inert(t.title() + " (x € 1.000)"));
        ws.style(0, 0).bold().set();
        for (int c = 0; c < t.columns().size(); c++) {
          ws.value(1, c + 1, t.columns().get(c).label());
          ws.style(1, c + 1).bold().set();
        }
        int r = 2;
        for (Table.Row row : t.rows()) {
          ws.value(r, 0, CsvText.inert(row.label()));
          for (int c = 0; c < row.cells().size(); c++) {
            String id = row.cells().get(c).figureId();
            if (id != null) {
              ws.value(r, c + 1, printed.value(true, id).orElseThrow());
            }
          }
          r++;
        }
        ws.width(0, 50);
      }
      Worksheet exact = wb.newWorksheet("Exact");
      List<String> header = List.of("figuur", "omschrijving", "euro");
      for (int c = 0; c < header.size(); c++) {
        exact.value(0, c, header.get(c));
        exact.style(0, c).bold().set();
      }
      int r = 1;
      for (var f : report.document().graph().all()) {
        exact.value(r, 0, f.id());
        exact.value(r, 1, CsvText.inert(f.label()));
        exact.value(r, 2, BigDecimal.valueOf(f.cents(), 2));
        exact.style(r, 2).format("#,##0.00").set();
        r++;
      }
      Worksheet reasons = wb.newWorksheet("Toelichting");
      reasons.value(0, 0, "eenheid");
      reasons.value(0, 1, "reden");
      r = 1;
      for (MidyearReport.Row row : report.rows()) {
        if (row.reason() != null) {
          reasons.value(r, 0, row.unit());
          reasons.value(r, 1, CsvText.inert(row.reason()));
          r++;
        }
      }
    }
  }
}
