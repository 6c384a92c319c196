package nl.begroot.publish;

import static nl.begroot.publish.Html.esc;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.begroot.core.explain.Explainer;
import nl.begroot.core.figures.FigureIds;
import nl.begroot.core.figures.Table;
import nl.begroot.core.model.Annex;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.DistributionKey;
import nl.begroot.core.model.Member;
import nl.begroot.core.model.Proposal;
import nl.begroot.core.pipeline.MemberYears;
import nl.begroot.core.text.Dutch;

/**
 * A member's one-page statement: its contribution change per annex column and year, the
 * third-party money, the key share used, and the proposals behind the largest part of the change,
 * each named in the document's words ({@code FigureLabels}) with its figure id as a small technical note
 * that {@code begroot explain} and the figure page take.
 */
final class Statement {
  private Statement() {}

  /** The statement's title, e.g. "Bijdrage aan de Vereniging IPO 2027". */
  static String title(Budget budget) {
    String name = budget.organisation().name();
    String org = name.startsWith("Vereniging ") && budget.organisation().shortName() != null
        ? "Vereniging " + budget.organisation().shortName() : name;
    return "Bijdrage aan de " + org + " " + budget.version().budgetYear();
  }

  static Member member(Budget budget, String memberId) {
    return budget.members().stream().filter(m -> m.id().equals(memberId) || m.name().equalsIgnoreCase(memberId)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no member '" + memberId + "'; the members are: "
            + String.join(", ", budget.members().stream().map(Member::id).toList())));
  }

  /**
   * The member's change per annex column (rows) and year (columns), with the third-party money:
   * the core's {@link MemberYears}, laid out with the years across.
   */
  static Table table(Publication pub, Member member) {
    MemberYears view = pub.computed().memberYears(member);
    List<Table.Column> columns = view.years().stream().map(y -> new Table.Column(String.valueOf(y), String.valueOf(y))).toList();
    List<Table.Row> rows = new ArrayList<>();
    for (MemberYears.Column c : view.columns()) {
      if (c.thirdParty()) {
        rows.add(new Table.Row("section:derden", "Middelen van derden, via het lid", Table.Style.SECTION, emptyCells(columns.size())));
      }
      List<Table.Cell> cells = c.figureIds().stream().map(id -> id == null ? Table.Cell.EMPTY : Table.Cell.figure(id)).toList();
      rows.add(new Table.Row(c.id(), c.title(), c.sum() ? Table.Style.TOTAL : Table.Style.LINE, cells));
    }
    return new Table("bijdrage-" + member.id(), "Wijziging bijdrage " + member.name() + " per kolom en jaar", 100_000, columns, rows);
  }

  private static List<Table.Cell> emptyCells(int n) {
    List<Table.Cell> cells = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      cells.add(Table.Cell.EMPTY);
    }
    return cells;
  }

  /** One proposal's part in a member's change: the proposal, its amount, and the member's part. */
  record Part(Proposal proposal, String figureId, long proposalCents, long memberCents) {}

  /**
   * The proposals behind a member's total change in a year, largest part first: the core's lineage
   * walk ({@link Explainer#contributions}), the same the figure page explains. A member's part of a
   * proposal is the proposal's amount times the member's share of each column it reaches, rounded
   * half up to the cent; the parts explain the change, the printed figures stay the core's.
   */
  static List<Part> parts(Publication pub, Member member, int year) {
    Budget budget = pub.budget();
    List<Part> parts = new ArrayList<>();
    if (year == budget.version().budgetYear()) { // the core's member summary holds the budget year's reasons: one owner
      for (nl.begroot.core.pipeline.MemberSummary.Reason r : pub.computed().memberSummary(member).reasons()) {
        parts.add(new Part(budget.proposal(r.proposalId()).orElseThrow(), r.lineFigureId(), r.proposalCents(), r.memberCents()));
      }
      return parts;
    }
    Optional<String> total = FigureIds.memberTotal(budget, year, member.id());
    if (total.isEmpty()) {
      return List.of();
    }
    for (Explainer.Contribution c : pub.computed().explainer().contributions(pub.figure(total.get()))) {
      parts.add(new Part(budget.proposal(c.proposalId()).orElseThrow(), c.lineFigureId(), c.lineCents(), c.cents()));
    }
    return parts;
  }

  static String html(Publication pub, String memberId, boolean forPdf) {
    Budget budget = pub.budget();
    Member member = member(budget, memberId);
    String title = title(budget) + " – " + member.name();
    StringBuilder s = new StringBuilder(Html.head(title, "Wijziging van de bijdrage van " + member.name() + " aan de "
        + budget.organisation().name() + " volgens de " + budget.version().title() + ".", budget.organisation().name(), forPdf, null));
    s.append("<body>\n");
    page(pub, member, s);
    return s.append("</body>\n</html>\n").toString();
  }

  static void page(Publication pub, Member member, StringBuilder s) {
    Budget budget = pub.budget();
    int year = pub.budgetYear();
    Annex annex = budget.annex();
    long change = FigureIds.memberTotal(budget, year, member.id()).map(pub::thousands).orElse(0L);
    s.append("<main class=\"statement\">\n<h1>").append(esc(title(budget))).append("</h1>\n");
    s.append("<p><strong>").append(esc(member.name())).append("</strong> · ").append(esc(budget.version().title()))
        .append(" · bedragen x € 1.000</p>\n");
    s.append("<p>").append(esc("De bijdrage van " + member.name() + " aan de vereniging " + (change >= 0 ? "stijgt" : "daalt")
        + " in " + year + " met " + Dutch.whole(Math.abs(change)) + " (x € 1.000) ten opzichte van het kader. De tabel toont de "
        + "wijziging per kolom van Bijlage 1 en per jaar.")).append("</p>\n");
    s.append(Html.table(pub, table(pub, member), false)).append('\n');
    s.append("<h2>Verdeelsleutel</h2>\n<p>").append(esc(keySentence(pub, member))).append("</p>\n");
    if (annex.thirdPartyColumn() != null) {
      String tp = FigureIds.annex(year, member.id(), annex.thirdPartyColumn().id());
      s.append("<p>").append(esc(annex.thirdPartyColumn().title() + ": " + member.name() + " ontvangt in " + year + " "
          + Dutch.whole(pub.thousands(tp)) + " (x € 1.000) die het aan de vereniging doorgeeft; dit bedrag staat los van de bijdrage."))
          .append("</p>\n");
    }
    List<Part> parts = parts(pub, member, year);
    if (!parts.isEmpty()) {
      s.append("<h2>De grootste wijzigingen in ").append(year).append("</h2>\n<ul>\n");
      for (Part part : parts.subList(0, Math.min(5, parts.size()))) {
        Proposal p = part.proposal();
        s.append("<li>").append(esc(p.unit() + ". " + p.title() + ": " + (part.memberCents() >= 0 ? "+" : "−") + "€ "
            + Html.euros(Math.abs(part.memberCents())) + " voor " + member.name() + " (deel van " + (part.proposalCents() >= 0 ? "" : "−") + "€ "
            + Html.euros(Math.abs(part.proposalCents()))
            + " " + (p.side() == nl.begroot.core.model.Side.BATEN ? "baten" : "lasten") + ")."))
            .append(" <span class=\"trace\">").append(esc("Herkomst: " + pub.computed().labels().figure(part.figureId())))
            .append(" <span class=\"tech\">(technisch: ").append(esc(part.figureId())).append(")</span></span></li>\n");
      }
      s.append("</ul>\n<p class=\"note\">").append(esc("Het deel per voorstel is het bedrag van het voorstel maal het aandeel van "
          + member.name() + " in elke kolom waar het in valt, afgerond op de euro; samen geven de delen de wijziging in de tabel, "
          + "op afronding na. De herkomst is in Begroot tot op de cent te volgen, op de pagina van het bedrag (de technische code zoekt het op).")).append("</p>\n");
    }
    s.append("</main>\n");
  }

  private static String keySentence(Publication pub, Member member) {
    Budget budget = pub.budget();
    int year = pub.budgetYear();
    Annex annex = budget.annex();
    StringBuilder text = new StringBuilder();
    Table bijlage = pub.document().table(FigureIds.annexTable(year)).orElseThrow();
    Table.Row row = bijlage.row(member.id());
    BigDecimal printedShare = row == null ? null : row.cells().get(0).percent();
    DistributionKey key = budget.key(annex.keyId()).orElseThrow();
    BigDecimal raw = key.sharesPercent().get(member.id());
    text.append("Het aandeel van ").append(member.name()).append(" in ").append(key.title()).append(" is ")
        .append(raw == null ? "0" : raw.toPlainString().replace('.', ',')).append(" %");
    if (key.normalise() && key.sumPercent().compareTo(BigDecimal.valueOf(100)) != 0) {
      text.append(" van een totaal van ").append(key.sumPercent().toPlainString().replace('.', ',')).append(" %, dus ")
          .append(printedShare == null ? "" : Dutch.percent(printedShare)).append(" van elk te verdelen bedrag");
    }
    text.append('.');
    for (Annex.Column c : annex.columns()) {
      if (c.keyId() != null && !c.keyId().equals(annex.keyId())) {
        DistributionKey other = budget.key(c.keyId()).orElseThrow();
        BigDecimal share = other.sharesPercent().get(member.id());
        text.append(" Kolom ").append(c.title()).append(" gebruikt ").append(other.title()).append(": ")
            .append(share == null ? "0" : share.toPlainString().replace('.', ',')).append(" %.");
      }
    }
    return text.toString();
  }
}
