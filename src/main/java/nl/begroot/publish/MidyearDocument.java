package nl.begroot.publish;

import static nl.begroot.publish.Html.esc;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import nl.begroot.core.compare.Comparison;
import nl.begroot.core.figures.Table;
import nl.begroot.core.midyear.MidyearReport;
import nl.begroot.core.rounding.PrintedFigures;
import nl.begroot.render.CsvText;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The Tussenrapportage published in the style of the budget (docs/midyear.md): one HTML page (and the
 * same page as a tagged PDF) with the two tables in thousands as the budget prints them (the same
 * renderer, the same controlled rounding), the reasons of the forecasts, the report's proposals and their
 * effect on the balancing item and on each member; a workbook with the printed tables and the exact
 * figures; the tables as CSV and JSON (the budget's open-data renderers, and a JSON of its own,
 * {@link #json()}). The files are written as every {@link ReportDocument} writes them (one place for both reports).
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
    MidyearReport report, PrintedFigures printed, Comparison effect, java.time.LocalDate date) implements ReportDocument {

  /** The file formats, by the name of the download. */
  public static final List<String> FILES = ReportDocument.files("tussenrapportage");

  @Override
  public String fileBase() {
    return "tussenrapportage";
  }

  @Override
  public nl.begroot.core.figures.Document document() {
    return report.document();
  }

  private static final tools.jackson.databind.json.JsonMapper MAPPER = tools.jackson.databind.json.JsonMapper.builder().build();

  /** The format of {@link #json()}. */
  public static final String JSON_FORMAT = "begroot-midyear/1";

  /**
   * The report as JSON: per row the exact amounts in cents (budget na wijziging, realised, prognose,
   * deviation; absent where the report has none) and the printed ones in thousands, the reasons, and
   * the effect of its proposals on the balancing item and each member (cents per year).
   */
  @Override
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

  /** The whole report as one XHTML page in the budget document's style ({@link ReportPage}; for the PDF with the print styles). */
  @Override
  public String html(boolean forPdf) {
    String description = title + " van " + organisation + ": begroting na wijziging, realisatie t/m "
        + MidyearReport.monthName(report.upToPeriod()) + ", prognose en verwachte afwijking per programma en eenheid";
    ReportPage page = new ReportPage(report.document(), printed).cover(organisation, title, "Begroting na wijziging: " + budgetName, status, date,
        illustration ? "Illustratie: de realisatie en de prognoses zijn verzonnen (plausibel bij de begroting), niet de werkelijke"
            + " cijfers van de vereniging." : null);
    page.chapter("inleiding", "Inleiding", false)
        .p("Per programma de begroting na wijziging van " + report.year() + ", de realisatie tot en met "
            + MidyearReport.monthName(report.upToPeriod()) + ", de prognose voor het hele jaar en de verwachte afwijking"
            + " (prognose min begroting na wijziging; positief: meer lasten of baten dan begroot). De begroting stelt haar kaders per"
            + " programma vast; per eenheid staan de realisatie en de prognose. Bedragen x € 1.000; elke tabel telt op.");
    if (!report.complete()) {
      page.p("Nog niet elke eenheid heeft een prognose; waar die ontbreekt, blijven de prognose en de afwijking leeg.");
    }
    page.endChapter();
    for (Table t : report.document().tables()) {
      page.chapter(t.id(), t.title(), false).table(t, false).endChapter();
    }
    StringBuilder h = new StringBuilder("<table class=\"begroot-table\"><caption>Reden per eenheid</caption><thead><tr><th scope=\"col\">Eenheid</th>"
        + "<th scope=\"col\">Reden</th></tr></thead><tbody>\n");
    for (MidyearReport.Row r : report.rows()) {
      if (r.reason() != null) {
        h.append("<tr><th scope=\"row\">").append(esc(r.unit() + " " + r.title().replaceFirst("^\\S+ ", ""))).append("</th><td>")
            .append(esc(r.reason())).append("</td></tr>\n");
      }
    }
    h.append("</tbody></table>\n");
    page.chapter("toelichting", "Toelichting op de prognoses", false).raw(h.toString()).endChapter();
    page.chapter("voorstellen", "Voorstellen in de tussenrapportage", false);
    List<Comparison.ProposalChange> changed = effect.changedProposals();
    if (changed.isEmpty()) {
      page.p("Deze tussenrapportage doet geen begrotingsvoorstellen.");
    } else {
      page.raw(effectTable("Begrotingsvoorstellen (wijziging, €)", changed.stream().map(c -> new Named(c.id() + " " + c.title(), c.amounts())).toList()));
      page.raw(effectTable("Sluitpost: bijdrage van de leden (wijziging, €)", List.of(new Named("Sluitpost", effect.balancing()))));
      page.raw(effectTable("Bijdrage per lid (wijziging, €)", effect.changedMembers().stream().map(l -> new Named(l.label(), l)).toList()));
    }
    page.endChapter();
    return page.render(title + " – " + organisation, description, organisation, title, forPdf);
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

  /** The workbook: one sheet per table with the printed figures (x € 1.000), a sheet with every exact figure in euros, and the reasons. */
  @Override
  public void xlsx(OutputStream out) throws IOException {
    try (Workbook wb = new Workbook(out, "Begroot", "1.0")) {
      wb.properties().setTitle(title + " " + organisation);
      ReportDocument.tableSheets(wb, report.document(), printed, t -> t.id().equals(MidyearReport.LASTEN) ? "Lasten" : "Baten");
      ReportDocument.exactSheet(wb, report.document());
      Worksheet reasons = wb.newWorksheet("Toelichting");
      reasons.value(0, 0, "eenheid");
      reasons.value(0, 1, "reden");
      int r = 1;
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
