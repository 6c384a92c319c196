package nl.begroot.core.pipeline;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.begroot.core.explain.Explainer;
import nl.begroot.core.figures.Document;
import nl.begroot.core.figures.Figure;
import nl.begroot.core.figures.FigureIds;
import nl.begroot.core.figures.Table;
import nl.begroot.core.model.Annex;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.DistributionKey;
import nl.begroot.core.model.Member;
import nl.begroot.core.rounding.PrintedFigures;

/**
 * What a member wants to know, in one place: how much more or less it pays per year than in the
 * frame (its total in Bijlage 1 of each year), the proposals behind that change in the budget year,
 * the third-party (pass-through) money apart, the key share it pays by, and its contribution lines
 * per year and annex column for its own budget. The province page, the statement, the API and the
 * downloads all read this one view (built once per member in {@link Computed#memberSummary}).
 *
 * <p>All amounts are the document's exact figures in cents (no division here); {@code printed}
 * values are the controlled rounding's thousands. A proposal's part is the core's lineage walk
 * ({@link Explainer#contributions}), each part rounded half up to the cent there.
 *
 * @param years the version's years
 * @param budgetYear the version's budget year (the reasons are for this year)
 * @param change the member's total change per year (one per year; a year without an annex is absent)
 * @param thirdParty the third-party money through the member per year (empty list when the annex has no such column)
 * @param thirdPartyTitle that column's title (null when none)
 * @param reasons every proposal with a non-zero part in the budget year's change, largest part first
 * @param key the key the annex splits by (null when the budget has no annex)
 * @param otherKeys columns that use another key, with the member's share in it
 * @param lines the contribution lines: per year each annex column that is not a sum, then the third-party column
 */
public record MemberSummary(
    Member member,
    List<Integer> years,
    int budgetYear,
    List<YearAmount> change,
    List<YearAmount> thirdParty,
    String thirdPartyTitle,
    List<Reason> reasons,
    KeyShare key,
    List<OtherKey> otherKeys,
    List<Line> lines) {

  public MemberSummary {
    years = List.copyOf(years);
    change = List.copyOf(change);
    thirdParty = List.copyOf(thirdParty);
    reasons = List.copyOf(reasons);
    otherKeys = List.copyOf(otherKeys);
    lines = List.copyOf(lines);
  }

  /** A figure of one year: its id, exact cents and printed thousands. */
  public record YearAmount(int year, String figureId, long cents, long printedThousands) {}

  /**
   * One proposal's part in the member's change of the budget year.
   *
   * @param lineFigureId the proposal's line in its programme table, e.g. {@code programme-2/2.7-soc/2027}
   * @param proposalCents the line's amount
   * @param memberCents the member's part of it (weight × amount, half up to the cent)
   */
  public record Reason(String proposalId, String lineFigureId, long proposalCents, long memberCents) {}

  /**
   * The member's share in the annex's key.
   *
   * @param percent the share as the key holds it (e.g. 10.67)
   * @param sumPercent the key's sum (e.g. 100.02 for a key rounded for print)
   * @param effectivePercent the share of each amount to distribute: percent × 100 / sumPercent, to four decimals, half up
   * @param printedPercent the share Bijlage 1 prints (hundredths that add up to 100 by largest remainder; null when none)
   * @param normalised whether the key divides by its sum (and the sum is not 100)
   */
  public record KeyShare(String keyId, String keyTitle, BigDecimal percent, BigDecimal sumPercent, BigDecimal effectivePercent,
      BigDecimal printedPercent, boolean normalised) {}

  /** A column that splits by another key, and the member's share in that key. */
  public record OtherKey(String columnId, String columnTitle, String keyId, String keyTitle, BigDecimal percent) {}

  /**
   * One contribution line for the member's own budget: the change of one year in one annex column.
   *
   * @param code a stable code: the annex column's id (e.g. {@code 2}, {@code 4b}, {@code lvvn})
   * @param cents the exact change, positive when the member pays more
   * @param passThrough third-party money that the member passes on (no part of the contribution)
   */
  public record Line(int year, String code, String description, long cents, String figureId, boolean passThrough) {}

  /** The total change of a year, if the document has one. */
  public Optional<YearAmount> change(int year) {
    return change.stream().filter(a -> a.year() == year).findFirst();
  }

  /** The third-party money of a year, if any. */
  public Optional<YearAmount> thirdParty(int year) {
    return thirdParty.stream().filter(a -> a.year() == year).findFirst();
  }

  /** The contribution lines of one year. */
  public List<Line> lines(int year) {
    return lines.stream().filter(l -> l.year() == year).toList();
  }

  static MemberSummary of(Budget budget, Document document, PrintedFigures printed, Explainer explainer, Member member) {
    List<Integer> years = budget.version().years();
    int budgetYear = budget.version().budgetYear();
    Annex annex = budget.annex();
    List<YearAmount> change = new ArrayList<>();
    List<YearAmount> thirdParty = new ArrayList<>();
    List<Line> lines = new ArrayList<>();
    List<Reason> reasons = new ArrayList<>();
    KeyShare key = null;
    List<OtherKey> otherKeys = new ArrayList<>();
    if (annex != null) {
      for (int y : years) {
        amount(document, printed, y, FigureIds.memberTotal(budget, y, member.id()).orElse(null)).ifPresent(change::add);
        if (annex.thirdPartyColumn() != null) {
          amount(document, printed, y, FigureIds.annex(y, member.id(), annex.thirdPartyColumn().id())).ifPresent(thirdParty::add);
        }
        for (Annex.Column c : annex.columns()) {
          if (!c.isSum()) {
            line(document, y, member, c.id(), c.title(), false).ifPresent(lines::add);
          }
        }
        if (annex.thirdPartyColumn() != null) {
          line(document, y, member, annex.thirdPartyColumn().id(), annex.thirdPartyColumn().title(), true).ifPresent(lines::add);
        }
      }
      Optional<String> total = FigureIds.memberTotal(budget, budgetYear, member.id());
      Optional<Figure> totalFigure = total.flatMap(id -> document.graph().find(id));
      if (totalFigure.isPresent()) {
        for (Explainer.Contribution c : explainer.contributions(totalFigure.get())) {
          reasons.add(new Reason(c.proposalId(), c.lineFigureId(), c.lineCents(), c.cents()));
        }
      }
      DistributionKey k = budget.key(annex.keyId()).orElse(null);
      if (k != null) {
        BigDecimal printedShare = null;
        Optional<Table> bijlage = document.table(FigureIds.annexTable(budgetYear));
        if (bijlage.isPresent() && bijlage.get().row(member.id()) != null) {
          for (Table.Cell cell : bijlage.get().row(member.id()).cells()) {
            if (cell.percent() != null) {
              printedShare = cell.percent();
              break;
            }
          }
        }
        BigDecimal sum = k.sumPercent();
        BigDecimal share = k.sharesPercent().getOrDefault(member.id(), BigDecimal.ZERO);
        boolean normalised = k.normalise() && sum.compareTo(BigDecimal.valueOf(100)) != 0;
        BigDecimal effective = !normalised || sum.signum() == 0 ? share
            : share.multiply(BigDecimal.valueOf(100)).divide(sum, 4, java.math.RoundingMode.HALF_UP);
        key = new KeyShare(k.id(), k.title(), share, sum, effective, printedShare, normalised);
      }
      for (Annex.Column c : annex.columns()) {
        if (c.keyId() != null && !c.keyId().equals(annex.keyId())) {
          budget.key(c.keyId()).ifPresent(other -> otherKeys.add(new OtherKey(c.id(), c.title(), other.id(), other.title(),
              other.sharesPercent().getOrDefault(member.id(), BigDecimal.ZERO))));
        }
      }
    }
    return new MemberSummary(member, years, budgetYear, change, thirdParty,
        annex == null || annex.thirdPartyColumn() == null ? null : annex.thirdPartyColumn().title(), reasons, key, otherKeys, lines);
  }

  private static Optional<YearAmount> amount(Document document, PrintedFigures printed, int year, String id) {
    if (id == null) {
      return Optional.empty();
    }
    return document.graph().find(id).map(f -> new YearAmount(year, id, f.cents(), printed.value(true, id).orElse(0)));
  }

  private static Optional<Line> line(Document document, int year, Member member, String columnId, String title, boolean passThrough) {
    String id = FigureIds.annex(year, member.id(), columnId);
    return document.graph().find(id).map(f -> new Line(year, columnId, title, f.cents(), id, passThrough));
  }
}
