package nl.begroot.publish;

import static nl.begroot.publish.Html.esc;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import nl.begroot.core.accounts.AnnualAccounts;
import nl.begroot.core.audit.Finding;
import nl.begroot.core.figures.Table;
import nl.begroot.core.model.Side;
import nl.begroot.core.rounding.PrintedFigures;
import nl.begroot.core.text.Dutch;
import nl.begroot.render.CsvText;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The annual accounts (jaarverslag en jaarrekening, docs/accounts.md) published in the style of the
 * budget, from the core's {@link AnnualAccounts} alone: one page (HTML, and the same page as a tagged PDF;
 * a {@link ReportPage}) with the realisatie against the budget after amendments, the deviations over the
 * threshold with their explanations, the result, the reserves' movements and the resultaatbestemming, the
 * settlement with the members (the table, and a statement per member to the cent), the pass-through
 * budget settled apart and the audit; a workbook with the printed tables, the exact figures, the
 * deviations and the settlement per member in cents; the tables as CSV; and the JSON the API serves.
 * The files are written as every {@link ReportDocument} writes them.
 *
 * @param title the accounts' name ("Jaarrekening 2026")
 * @param organisation the organisation's name
 * @param source the budget after amendments the accounts are set against (its slug and amendments)
 * @param status the version's status in words
 * @param illustration whether the figures are the shipped illustration (said so on the cover)
 * @param findings the audit's findings on these accounts ({@code Auditor.accounts})
 * @param date the date the document carries (its adoption, else the day it last changed)
 */
public record AccountsDocument(String title, String organisation, String source, String status, boolean illustration,
    AnnualAccounts accounts, PrintedFigures printed, List<Finding> findings, java.time.LocalDate date) implements ReportDocument {

  /** The file formats, by the name of the download. */
  public static final List<String> FILES = ReportDocument.files("jaarrekening");

  /** The format of {@link #json()}. */
  public static final String JSON_FORMAT = "begroot-accounts/1";

  public AccountsDocument {
    findings = List.copyOf(findings);
  }

  @Override
  public String fileBase() {
    return "jaarrekening";
  }

  @Override
  public nl.begroot.core.figures.Document document() {
    return accounts.document();
  }

  private static String side(Side s) {
    return s == Side.LASTEN ? "lasten" : "baten";
  }

  // ---------------------------------------------------------------- the page

  /** The whole accounts as one XHTML page in the budget document's style. */
  @Override
  public String html(boolean forPdf) {
    AnnualAccounts a = accounts;
    int year = a.year();
    String description = title + " van " + organisation + ": realisatie " + year + " tegen de begroting na wijziging, de afwijkingen"
        + " met hun toelichting, het resultaat en de bestemming ervan, en de afrekening met elk lid.";
    ReportPage page = new ReportPage(a.document(), printed).cover(organisation, title, "Jaarverslag en jaarrekening " + year
        + " · begroting na wijziging: " + source, status, date, illustration ? "Illustratie: de realisatie, de reserves en de toelichtingen"
            + " zijn verzonnen (plausibel bij de begroting), niet de werkelijke cijfers van de vereniging." : null);

    page.chapter("inleiding", "Inleiding", false)
        .p("Deze jaarrekening zet wat " + organisation + " in " + year + " heeft gerealiseerd tegen de begroting na wijziging ("
            + source + "): per programma en eenheid, lasten en baten. Zij bestemt het resultaat en rekent het verschil af met de leden,"
            + " per kolom van de bijlage met de verdeelsleutel van die kolom; de kassiersfunctie wordt apart afgerekend.")
        .p("Het resultaat (baten min lasten) is " + Dutch.money(a.result().realised()) + " tegen " + Dutch.money(a.result().budgeted())
            + " begroot: een verschil van " + Dutch.money(a.result().deviation()) + ". Daarvan gaat per saldo "
            + Dutch.money(reservesNet()) + " naar de reserves en wordt " + Dutch.money(a.settled()) + " met de leden verrekend"
            + " (positief: terug naar de leden; negatief: bijbetalen).")
        .p("Bedragen in de tabellen zijn in duizenden euro’s (x € 1.000); elk bedrag is exact tot op de cent berekend en zo afgerond"
            + " dat elk totaal precies de som is van de afgedrukte delen. De afrekening per lid staat tot op de cent.")
        .endChapter();

    page.chapter("realisatie", "Realisatie " + year, false)
        .p("Per programma de begroting na wijziging, de realisatie en het verschil (realisatie min begroting), lasten en baten; per"
            + " eenheid de realisatie (de begroting stelt haar kaders per programma vast). Eigen middelen en middelen van derden samen;"
            + " de kassiersfunctie staat apart.")
        .table(AnnualAccounts.REALISATIE, false).endChapter();

    page.chapter("afwijkingen", "Afwijkingen en hun toelichting", false)
        .p("Een afwijking vraagt een toelichting als zij groter is dan " + Dutch.money(a.threshold().cents()) + " of dan "
            + a.threshold().percent() + " % van de begroting (een van beide is genoeg; een afwijking op een begroting van nul altijd). "
            + a.required().size() + " afwijkingen vragen een toelichting; " + (a.required().size() - a.missing().size())
            + " hebben er een, " + a.missing().size() + " nog niet.");
    StringBuilder t = new StringBuilder("<table class=\"begroot-table\"><caption>Afwijkingen boven de drempel (€)</caption><thead><tr>"
        + "<th scope=\"col\">Programma</th><th scope=\"col\">Lasten of baten</th><th scope=\"col\">Begroting</th><th scope=\"col\">Realisatie</th>"
        + "<th scope=\"col\">Verschil</th><th scope=\"col\">Toelichting</th></tr></thead><tbody>\n");
    for (AnnualAccounts.Deviation d : a.required()) {
      t.append("<tr><th scope=\"row\">").append(esc(d.programme() + ". " + d.title())).append("</th><td>").append(side(d.side()))
          .append("</td><td>").append(esc(Dutch.money(d.budget()))).append("</td><td>").append(esc(Dutch.money(d.realised())))
          .append("</td><td>").append(esc(Dutch.money(d.deviation()))).append("</td><td>")
          .append(d.missing() ? "<strong>Toelichting ontbreekt</strong>" : esc(d.explanation())).append("</td></tr>\n");
    }
    page.raw(t.append("</tbody></table>\n").toString()).endChapter();

    page.chapter("resultaat", "Resultaat en resultaatbestemming", false)
        .table(AnnualAccounts.RESULTAAT, false)
        .h2("reserves", "Reserves")
        .p(a.reserves().isEmpty() ? "Deze jaarrekening kent geen reserves." : "Per reserve de stand op 1 januari, wat de"
            + " resultaatbestemming toevoegt en onttrekt, en de stand op 31 december.")
        .table(AnnualAccounts.RESERVES, false)
        .h2("resultaatbestemming", "Resultaatbestemming")
        .p("Het verschil van het resultaat, minder wat naar de reserves gaat en plus wat eruit komt, wordt met de leden verrekend.")
        .table(AnnualAccounts.BESTEMMING, false).endChapter();

    page.chapter("afrekening", "Afrekening met de leden", true)
        .p("Per kolom van de bijlage die programma’s bundelt: het verschil van haar programma’s (baten min lasten), minder de"
            + " toevoeging aan de reserves die op die kolom drukken, verdeeld over de leden met de verdeelsleutel van de kolom; de delen"
            + " tellen precies op tot de kolom (grootste rest). Positief: terug naar het lid; negatief: bijbetalen.")
        .table(AnnualAccounts.AFREKENING, true).endChapter();

    page.chapter("kassiersfunctie", "Kassiersfunctie", false)
        .p("De kassiersfunctie wordt apart afgerekend: wat is ontvangen min wat is afgedragen, verdeeld met de verdeelsleutel van de"
            + " bijlage.")
        .table(AnnualAccounts.KASSIERSFUNCTIE, false).endChapter();

    page.chapter("afrekening-per-lid", "Afrekening per lid", false)
        .p("Per lid wat het terugkrijgt of bijbetaalt, per kolom en voor de kassiersfunctie, tot op de cent.");
    boolean first = true;
    for (AnnualAccounts.MemberSettlement m : a.members()) {
      page.raw("<div class=\"statement-page" + (first ? " first" : "") + "\">\n");
      first = false;
      page.h2("lid-" + m.member().id(), "Afrekening " + year + " " + m.member().name());
      long total = m.total();
      page.p(m.member().name() + (total >= 0 ? " krijgt over " + year + " " + Dutch.money(total) + " terug."
          : " betaalt over " + year + " " + Dutch.money(-total) + " bij."));
      page.raw(memberTable(m));
      page.raw("</div>\n");
    }
    page.endChapter();

    page.chapter("controle", "Controle", false);
    List<Finding> other = findings.stream().filter(f -> f.check() != Finding.Check.EXPLANATION).toList();
    if (a.missing().isEmpty() && other.isEmpty()) {
      page.p("De controle vindt niets: elke afwijking boven de drempel heeft een toelichting en elke tabel telt op.");
    } else {
      StringBuilder f = new StringBuilder("<ul>\n");
      for (AnnualAccounts.Deviation d : a.missing()) {
        f.append("<li>").append(Html.prose("Programma " + d.programme() + ". " + d.title() + ", " + side(d.side()) + ": de afwijking van "
            + Dutch.money(d.deviation()) + " is groter dan de drempel en heeft geen toelichting.")).append("</li>\n");
      }
      for (Finding x : other) {
        f.append("<li>").append(esc(x.label() + ": " + x.message())).append("</li>\n");
      }
      page.raw(f.append("</ul>\n").toString());
    }
    page.endChapter();
    return page.render(title + " – " + organisation, description, organisation, title, forPdf);
  }

  private long reservesNet() {
    long net = 0;
    for (var r : accounts.reserves()) {
      net = Math.addExact(net, r.addition() - r.withdrawal());
    }
    return net;
  }

  /** A member's settlement statement: per column the amount settled, the key and the member's part; the pass-through; the total. */
  private String memberTable(AnnualAccounts.MemberSettlement m) {
    AnnualAccounts a = accounts;
    StringBuilder h = new StringBuilder("<table class=\"begroot-table\"><caption>Afrekening " + a.year() + " " + esc(m.member().name())
        + " (€)</caption><thead><tr><th scope=\"col\">Kolom</th><th scope=\"col\">Te verrekenen</th><th scope=\"col\">Verdeelsleutel</th>"
        + "<th scope=\"col\">Deel van het lid</th></tr></thead><tbody>\n");
    for (int i = 0; i < a.columns().size(); i++) {
      AnnualAccounts.SettledColumn c = a.columns().get(i);
      h.append("<tr><th scope=\"row\">").append(esc(c.title())).append("</th><td>").append(esc(Dutch.money(c.amount()))).append("</td><td>")
          .append(esc(c.keyId())).append("</td><td>").append(esc(Dutch.money(m.perColumn()[i]))).append("</td></tr>\n");
    }
    h.append("<tr class=\"total\"><th scope=\"row\">Eigen afrekening</th><td>").append(esc(Dutch.money(a.settled())))
        .append("</td><td></td><td>").append(esc(Dutch.money(m.ownTotal()))).append("</td></tr>\n");
    h.append("<tr><th scope=\"row\">Kassiersfunctie</th><td>").append(esc(Dutch.money(a.passThrough().settled()))).append("</td><td>")
        .append(esc(a.passThrough().keyId())).append("</td><td>").append(esc(Dutch.money(m.passThrough()))).append("</td></tr>\n");
    h.append("<tr class=\"total\"><th scope=\"row\">Totaal</th><td></td><td></td><td>").append(esc(Dutch.money(m.total())))
        .append("</td></tr>\n");
    return h.append("</tbody></table>\n").toString();
  }

  // ---------------------------------------------------------------- the workbook

  private static final java.util.Map<String, String> SHEETS = java.util.Map.of(AnnualAccounts.REALISATIE, "Realisatie",
      AnnualAccounts.RESULTAAT, "Resultaat", AnnualAccounts.RESERVES, "Reserves", AnnualAccounts.BESTEMMING, "Resultaatbestemming",
      AnnualAccounts.AFREKENING, "Afrekening", AnnualAccounts.KASSIERSFUNCTIE, "Kassiersfunctie");

  /**
   * The workbook: one sheet per table with the printed figures (x € 1.000), the exact figures in euros, the deviations with
   * their explanations, and the settlement per member in euros to the cent.
   */
  @Override
  public void xlsx(OutputStream out) throws IOException {
    AnnualAccounts a = accounts;
    try (Workbook wb = new Workbook(out, "Begroot", "1.0")) {
      wb.properties().setTitle(title + " " + organisation);
      ReportDocument.tableSheets(wb, a.document(), printed, t -> SHEETS.getOrDefault(t.id(), t.id()));
      ReportDocument.exactSheet(wb, a.document());
      Worksheet d = wb.newWorksheet("Afwijkingen");
      List<String> header = List.of("programma", "kant", "begroting", "realisatie", "verschil", "toelichting nodig", "toelichting");
      for (int c = 0; c < header.size(); c++) {
        d.value(0, c, header.get(c));
        d.style(0, c).bold().set();
      }
      int r = 1;
      for (AnnualAccounts.Deviation x : a.deviations()) {
        d.value(r, 0, CsvText.inert(x.programme() + ". " + x.title()));
        d.value(r, 1, side(x.side()));
        euros(d, r, 2, x.budget());
        euros(d, r, 3, x.realised());
        euros(d, r, 4, x.deviation());
        d.value(r, 5, x.required() ? "ja" : "nee");
        d.value(r, 6, x.missing() ? "ontbreekt" : x.explanation() == null ? "" : CsvText.inert(x.explanation()));
        r++;
      }
      Worksheet m = wb.newWorksheet("Per lid");
      m.value(0, 0, "lid");
      int c = 1;
      for (AnnualAccounts.SettledColumn col : a.columns()) {
        m.value(0, c++, CsvText.inert(col.title()));
      }
      m.value(0, c++, "eigen afrekening");
      m.value(0, c++, "kassiersfunctie");
      m.value(0, c, "totaal");
      for (int k = 0; k <= c; k++) {
        m.style(0, k).bold().set();
      }
      r = 1;
      for (AnnualAccounts.MemberSettlement s : a.members()) {
        m.value(r, 0, CsvText.inert(s.member().name()));
        int k = 1;
        for (long part : s.perColumn()) {
          euros(m, r, k++, part);
        }
        euros(m, r, k++, s.ownTotal());
        euros(m, r, k++, s.passThrough());
        euros(m, r, k, s.total());
        r++;
      }
      m.width(0, 30);
    }
  }

  private static void euros(Worksheet ws, int row, int col, long cents) {
    ws.value(row, col, java.math.BigDecimal.valueOf(cents, 2));
    ws.style(row, col).format("#,##0.00").set();
  }

  // ---------------------------------------------------------------- JSON (the API's)

  private static final tools.jackson.databind.json.JsonMapper MAPPER = tools.jackson.databind.json.JsonMapper.builder().build();

  /**
   * The accounts in cents (format {@value #JSON_FORMAT}; what {@code GET /api/versions/{v}/accounts} serves): the threshold, per
   * programme budget and realised, the deviations with their explanations, the result, the reserves, the settlement per column
   * and per member, the audit's findings and the pass-through budget.
   */
  @Override
  public String json() {
    return object(null).toPrettyString() + "\n";
  }

  /** The JSON as a tree; {@code version} (the slug) first when given. */
  public tools.jackson.databind.node.ObjectNode object(String version) {
    AnnualAccounts a = accounts;
    var out = MAPPER.createObjectNode();
    if (version != null) {
      out.put("version", version);
    }
    out.put("format", JSON_FORMAT).put("title", title).put("organisation", organisation).put("illustration", illustration);
    out.put("year", a.year()).put("source", source).put("amounts_in", "cents");
    out.putObject("threshold").put("cents", a.threshold().cents()).put("percent", a.threshold().percent());
    var programmes = out.putArray("programmes");
    for (AnnualAccounts.ProgrammeLine l : a.programmes()) {
      programmes.addObject().put("programme", l.programme()).put("title", l.title()).put("budget_lasten", l.budgetLasten())
          .put("realised_lasten", l.realisedLasten()).put("budget_baten", l.budgetBaten()).put("realised_baten", l.realisedBaten());
    }
    var deviations = out.putArray("deviations");
    for (AnnualAccounts.Deviation d : a.deviations()) {
      deviations.addObject().put("programme", d.programme()).put("side", d.side().name().toLowerCase(Locale.ROOT))
          .put("budget", d.budget()).put("realised", d.realised()).put("deviation", d.deviation()).put("explanation_required", d.required())
          .put("explanation", d.explanation());
    }
    out.putObject("result").put("budgeted", a.result().budgeted()).put("realised", a.result().realised()).put("deviation", a.result().deviation());
    var reserves = out.putArray("reserves");
    a.reserves().forEach(r -> reserves.addObject().put("id", r.id()).put("name", r.name()).put("kind", r.kind().code()).put("column", r.column())
        .put("opening", r.opening()).put("addition", r.addition()).put("withdrawal", r.withdrawal()).put("closing", r.closing()));
    var columns = out.putArray("settlement_columns");
    a.columns().forEach(c -> columns.addObject().put("column", c.id()).put("key", c.keyId()).put("deviation", c.deviation())
        .put("to_reserves", c.toReserves()).put("settled", c.amount()));
    var members = out.putArray("members");
    for (AnnualAccounts.MemberSettlement m : a.members()) {
      var o = members.addObject().put("member", m.member().id()).put("name", m.member().name()).put("own", m.ownTotal())
          .put("pass_through", m.passThrough()).put("total", m.total());
      var per = o.putObject("per_column");
      for (int i = 0; i < a.columns().size(); i++) {
        per.put(a.columns().get(i).id(), m.perColumn()[i]);
      }
    }
    out.put("settled", a.settled());
    var audit = out.putArray("audit");
    findings.forEach(f -> audit.addObject().put("check", f.check().name().toLowerCase(Locale.ROOT))
        .put("kind", f.kind().name().toLowerCase(Locale.ROOT)).put("figure", f.figure()).put("message", f.message()));
    out.putObject("pass_through").put("received", a.passThrough().received()).put("paid", a.passThrough().paid())
        .put("settled", a.passThrough().settled()).put("key", a.passThrough().keyId());
    return out;
  }

  /** The tables the page prints, in order (all of the accounts' document). */
  static List<String> tableIds(AnnualAccounts a) {
    return a.document().tables().stream().map(Table::id).toList();
  }
}
