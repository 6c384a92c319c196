package nl.begroot.core.cycle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.begroot.core.engine.Computation;
import nl.begroot.core.model.Amounts;
import nl.begroot.core.model.Breakdown;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.Nature;
import nl.begroot.core.model.Programme;
import nl.begroot.core.model.Proposal;
import nl.begroot.core.model.Side;
import nl.begroot.core.model.Transfer;
import nl.begroot.core.text.Dutch;

/**
 * Next year's frame (kader): "De door de AV goedgekeurde Begroting (inclusief meerjarenraming) is het
 * vertrekpunt". From an adopted budget with years {@code y0..yN} (budget year {@code b}) it derives the
 * frame of next year's concept, years {@code y1..yN+1} (budget year {@code b+1}), per programme, lasten and
 * baten, in exact cents:
 *
 * <ul>
 *   <li>years {@code y1..yN}: the programme's frame plus every line of the programme in that year (entered,
 *       transfer, pass-through contribution and balancing lines as computed), summed here line by line;
 *   <li>the new last year {@code yN+1}: the frame of {@code yN} plus each line's amount of {@code yN} if it
 *       is recurring (structureel) and nothing if it is one-off (incidenteel; of a line with a breakdown, its
 *       recurring components only); a transfer line continues its legs if recurring; the pass-through
 *       contribution follows the continued lines moved to the pass-through budget, and the balancing item
 *       is computed again as the engine does, from the continued lines (total change in lasten minus the
 *       change in all other baten), so that the new year balances as {@code yN} did.
 * </ul>
 *
 * <p>An overhead view (a programme whose frame is already inside the others', IPO's programme 5) keeps
 * its new frame as its frame, and what its proposals changed moves into the lasten of the programmes it is
 * spread over, by its spread (as Bijlage 1 spreads it; the new year by the same weights, largest remainder),
 * so that the totals of next year's frame are the adopted totals ({@link ProgrammeFrame#overheadCents}).
 *
 * <p>The result is checked against the adopted multi-year estimate (the new frame of every programme and
 * the totals of Tabel 1 as the engine computed them, {@link Computation#frameLasten} + {@link
 * Computation#changeLasten}): each year both have must agree to the cent, a programme's lasten without its
 * overhead share; each difference is reported by programme (or the total), side and year, in words ({@link
 * #check}).
 */
public record NextYearFrame(
    String fromVersion, int budgetYear, List<Integer> years, List<ProgrammeFrame> programmes, List<Ending> ending,
    List<Difference> differences) {

  public NextYearFrame {
    years = List.copyOf(years);
    programmes = List.copyOf(programmes);
    ending = List.copyOf(ending);
    differences = List.copyOf(differences);
  }

  /**
   * One programme's frame for next year: lasten and baten per year of {@link #years}, in cents. {@code
   * overheadCents} is the part of {@code lastenCents} that is the programme's share of the overhead view's
   * change (its spread, as in Bijlage 1): an overhead view's frame is already inside the other programmes'
   * frames, so what its proposals added moves into theirs, and the totals stay those of the adopted
   * estimate. Zero for an overhead view itself and in a budget without one.
   */
  public record ProgrammeFrame(String programmeId, String title, long[] lastenCents, long[] batenCents, long[] overheadCents) {
    /** A frame without overhead shares. */
    public ProgrammeFrame(String programmeId, String title, long[] lastenCents, long[] batenCents) {
      this(programmeId, title, lastenCents, batenCents, new long[lastenCents.length]);
    }

    /** The lasten without the overhead view's share: what the adopted estimate shows for this programme. */
    public long ownLastenCents(int yearIndex) {
      return Math.subtractExact(lastenCents[yearIndex], overheadCents[yearIndex]);
    }

    public Amounts lasten() {
      return Amounts.of(lastenCents);
    }

    public Amounts baten() {
      return Amounts.of(batenCents);
    }
  }

  /** A one-off line (or a one-off component of a line) with an amount in the adopted budget's last year that does not continue. */
  public record Ending(String proposalId, String component, String unit, String title, Side side, int year, long cents) {
    public String nl() {
      return "Eenmalig, loopt af na " + year + ": " + proposalId + (component == null ? "" : " (onderdeel " + component + ")")
          + " " + title + ", " + sideNl(side) + " € " + Dutch.euros(cents) + " in " + year + ".";
    }

    public String en() {
      return "One-off, ends after " + year + ": " + proposalId + (component == null ? "" : " (component " + component + ")")
          + " " + title + ", " + side.name().toLowerCase(Locale.ROOT) + " € " + Dutch.euros(cents) + " in " + year + ".";
    }
  }

  /**
   * Where a frame and the adopted multi-year estimate disagree: the programme, the side, the year, the
   * frame's figure and the estimate's (null when the one or the other has no such programme).
   */
  public record Difference(String programmeId, String title, Side side, int year, Long frameCents, Long estimateCents) {
    public String nl() {
      String where = (programmeId == null ? "Totaal (Tabel 1)" : "Programma " + programmeId + (title == null ? "" : " " + title)) + ", "
          + sideNl(side) + " " + year + ": ";
      if (frameCents == null) {
        return where + "het kader heeft dit programma niet; de vastgestelde meerjarenraming € " + Dutch.euros(estimateCents) + ".";
      }
      if (estimateCents == null) {
        return where + "het kader € " + Dutch.euros(frameCents) + "; de vastgestelde meerjarenraming heeft dit programma niet.";
      }
      return where + "het kader is € " + Dutch.euros(frameCents) + ", de vastgestelde meerjarenraming € "
          + Dutch.euros(estimateCents) + " (verschil € " + Dutch.euros(frameCents - estimateCents) + ").";
    }

    public String en() {
      String where = (programmeId == null ? "Total (Tabel 1)" : "Programme " + programmeId + (title == null ? "" : " " + title)) + ", "
          + side.name().toLowerCase(Locale.ROOT) + " " + year + ": ";
      if (frameCents == null) {
        return where + "the frame lacks this programme; the adopted multi-year estimate has € " + Dutch.euros(estimateCents) + ".";
      }
      if (estimateCents == null) {
        return where + "the frame has € " + Dutch.euros(frameCents) + "; the adopted multi-year estimate lacks this programme.";
      }
      return where + "the frame has € " + Dutch.euros(frameCents) + ", the adopted multi-year estimate € "
          + Dutch.euros(estimateCents) + " (difference € " + Dutch.euros(frameCents - estimateCents) + ").";
    }
  }

  private static String sideNl(Side side) {
    return side == Side.LASTEN ? "lasten" : "baten";
  }

  /** Whether the frame agrees with the adopted multi-year estimate in every year both have. */
  public boolean agrees() {
    return differences.isEmpty();
  }

  /** The frame of one programme. */
  public java.util.Optional<ProgrammeFrame> programme(String id) {
    return programmes.stream().filter(p -> p.programmeId().equals(id)).findFirst();
  }

  /** The new last year, continued from the adopted budget's last year. */
  public int lastYear() {
    return years.get(years.size() - 1);
  }

  /**
   * Derives next year's frame from the computation of an adopted budget, and checks it against that
   * budget's multi-year estimate.
   *
   * @throws IllegalArgumentException when the budget has fewer than two years (nothing rolls forward)
   */
  public static NextYearFrame derive(Computation adopted) {
    Budget b = adopted.budget();
    List<Integer> oldYears = b.version().years();
    int n = oldYears.size();
    if (n < 2) {
      throw new IllegalArgumentException("a budget of one year has no multi-year estimate to roll forward");
    }
    int last = n - 1;
    List<Integer> years = new ArrayList<>(oldYears.subList(1, n));
    years.add(oldYears.get(last) + 1);
    List<Programme> programmes = b.programmes();
    Map<String, Integer> programmeOfUnit = new LinkedHashMap<>();
    for (int p = 0; p < programmes.size(); p++) {
      for (var u : programmes.get(p).units()) {
        programmeOfUnit.put(u.id(), p);
      }
    }
    long[][] lasten = new long[programmes.size()][n];
    long[][] baten = new long[programmes.size()][n];
    for (int p = 0; p < programmes.size(); p++) {
      Programme programme = programmes.get(p);
      for (int y = 1; y < n; y++) {
        lasten[p][y - 1] = programme.frameLasten().cents(y);
        baten[p][y - 1] = programme.frameBaten().cents(y);
      }
      lasten[p][n - 1] = programme.frameLasten().cents(last);
      baten[p][n - 1] = programme.frameBaten().cents(last);
    }
    // years y1..yN: every line as computed
    List<Proposal> proposals = b.proposals();
    for (int i = 0; i < proposals.size(); i++) {
      Proposal line = proposals.get(i);
      int p = programmeOfUnit.get(line.unit());
      long[][] side = line.side() == Side.LASTEN ? lasten : baten;
      Amounts amounts = adopted.line(i);
      for (int y = 1; y < n; y++) {
        side[p][y - 1] = Math.addExact(side[p][y - 1], amounts.cents(y));
      }
    }
    // the new last year: recurring amounts continue, one-off amounts end; the computed lines follow
    List<Ending> ending = new ArrayList<>();
    Map<String, Long> transferLines = new LinkedHashMap<>();
    for (Transfer t : b.transfers()) {
      for (Transfer.Leg leg : t.legs()) {
        transferLines.merge(leg.line(), leg.amounts().cents(last), Math::addExact);
      }
    }
    int year = oldYears.get(last);
    long[] continued = new long[proposals.size()];
    long contribution = 0;
    for (int i = 0; i < proposals.size(); i++) {
      Proposal line = proposals.get(i);
      switch (line.rule()) {
        case ENTERED -> continued[i] = continuedEntered(line, last, year, ending);
        case TRANSFER -> {
          long legs = transferLines.getOrDefault(line.id(), 0L);
          if (line.nature() == Nature.ONE_OFF) {
            if (legs != 0) {
              ending.add(new Ending(line.id(), null, line.unit(), line.title(), line.side(), year, legs));
            }
          } else {
            continued[i] = legs;
          }
        }
        default -> {
          // computed below
        }
      }
      if (line.rule() != Proposal.Rule.BALANCING && line.rule() != Proposal.Rule.PASS_THROUGH_CONTRIBUTION && line.passThrough()) {
        contribution = Math.addExact(contribution, continued[i] * line.saldoSign());
      }
    }
    long changeLasten = 0;
    long otherBaten = 0;
    int balancing = -1;
    for (int i = 0; i < proposals.size(); i++) {
      Proposal line = proposals.get(i);
      if (line.rule() == Proposal.Rule.PASS_THROUGH_CONTRIBUTION) {
        continued[i] = contribution;
      }
      if (line.rule() == Proposal.Rule.BALANCING) {
        balancing = i;
      } else if (line.side() == Side.LASTEN) {
        changeLasten = Math.addExact(changeLasten, continued[i]);
      } else {
        otherBaten = Math.addExact(otherBaten, continued[i]);
      }
    }
    if (balancing >= 0) {
      continued[balancing] = Math.subtractExact(changeLasten, otherBaten);
    }
    for (int i = 0; i < proposals.size(); i++) {
      Proposal line = proposals.get(i);
      int p = programmeOfUnit.get(line.unit());
      long[][] side = line.side() == Side.LASTEN ? lasten : baten;
      side[p][n - 1] = Math.addExact(side[p][n - 1], continued[i]);
    }
    // the overhead view's change moves into the frames of the programmes it is spread over (by its annex
    // columns): years y1..yN as the engine spread it, the new year by the same spread (largest remainder)
    long[][] overhead = new long[programmes.size()][n];
    List<nl.begroot.core.model.Annex.Column> columns = b.annex().columns();
    int[] columnProgramme = new int[columns.size()];
    for (int c = 0; c < columns.size(); c++) {
      columnProgramme[c] = -1;
      if (columns.get(c).programmes().size() == 1) {
        String id = columns.get(c).programmes().get(0);
        for (int p = 0; p < programmes.size(); p++) {
          if (programmes.get(p).id().equals(id)) {
            columnProgramme[c] = p;
          }
        }
      }
    }
    for (int o = 0; o < programmes.size(); o++) {
      Programme view = programmes.get(o);
      if (!view.overheadView()) {
        continue;
      }
      java.math.BigInteger[] weights = nl.begroot.core.engine.AnnexLayout.spreadWeights(b.annex(), view);
      for (int c = 0; c < columns.size(); c++) {
        if (weights[c].signum() != 0 && columnProgramme[c] < 0) {
          throw new IllegalArgumentException("the overhead view " + view.id() + " is spread over the annex column " + columns.get(c).id()
              + ", which is not the column of one programme: its share cannot move into a programme's frame");
        }
      }
      long change = 0;
      for (int i = 0; i < proposals.size(); i++) {
        if (programmeOfUnit.get(proposals.get(i).unit()) == o) {
          change = Math.addExact(change, continued[i] * proposals.get(i).saldoSign());
        }
      }
      long[] spread = nl.begroot.core.money.Allocation.allocate(change, weights);
      for (int c = 0; c < columns.size(); c++) {
        if (columnProgramme[c] >= 0) {
          overhead[columnProgramme[c]][n - 1] = Math.addExact(overhead[columnProgramme[c]][n - 1], spread[c]);
        }
      }
    }
    if (programmes.stream().anyMatch(Programme::overheadView)) {
      for (int y = 1; y < n; y++) {
        for (int c = 0; c < columns.size(); c++) {
          if (columnProgramme[c] >= 0) {
            overhead[columnProgramme[c]][y - 1] = Math.addExact(overhead[columnProgramme[c]][y - 1], adopted.annex().overhead(c, y));
          }
        }
      }
    }
    List<ProgrammeFrame> frames = new ArrayList<>();
    for (int p = 0; p < programmes.size(); p++) {
      for (int y = 0; y < n; y++) {
        lasten[p][y] = Math.addExact(lasten[p][y], overhead[p][y]);
      }
      frames.add(new ProgrammeFrame(programmes.get(p).id(), programmes.get(p).title(), lasten[p], baten[p], overhead[p]));
    }
    List<Difference> differences = check(years, frames, adopted);
    return new NextYearFrame(b.version().id(), b.version().budgetYear() + 1, years, frames, ending, differences);
  }

  /** What an entered line brings into the new last year: its last year's amount if recurring (of a breakdown: its recurring components). */
  private static long continuedEntered(Proposal line, int last, int year, List<Ending> ending) {
    Breakdown breakdown = line.breakdown();
    boolean byComponents = breakdown != null
        && breakdown.components().stream().anyMatch(c -> c.amounts().kind(last) == Amounts.Kind.AMOUNT);
    if (byComponents) {
      long sum = 0;
      for (Breakdown.Component c : breakdown.components()) {
        long cents = c.amounts().cents(last);
        if (c.nature() == Nature.ONE_OFF) {
          if (cents != 0) {
            ending.add(new Ending(line.id(), c.id(), line.unit(), line.title(), line.side(), year, cents));
          }
        } else {
          sum = Math.addExact(sum, cents);
        }
      }
      return sum;
    }
    long cents = line.amounts().cents(last);
    if (line.nature() == Nature.ONE_OFF) {
      if (cents != 0) {
        ending.add(new Ending(line.id(), null, line.unit(), line.title(), line.side(), year, cents));
      }
      return 0;
    }
    return cents;
  }

  /**
   * Checks a frame (per programme, for {@code years}) against the adopted multi-year estimate: in every year
   * that both have, each programme's lasten and baten must equal its new frame in the adopted budget. A
   * programme that only one of them has is a difference in each such year.
   */
  public static List<Difference> check(List<Integer> years, List<ProgrammeFrame> frame, Computation adopted) {
    Budget b = adopted.budget();
    List<Integer> adoptedYears = b.version().years();
    List<Difference> differences = new ArrayList<>();
    Map<String, ProgrammeFrame> byId = new LinkedHashMap<>();
    frame.forEach(f -> byId.put(f.programmeId(), f));
    for (int y = 0; y < years.size(); y++) {
      int year = years.get(y);
      int ay = adoptedYears.indexOf(year);
      if (ay < 0) {
        continue;
      }
      for (int p = 0; p < b.programmes().size(); p++) {
        Programme programme = b.programmes().get(p);
        long estimateLasten = Math.addExact(adopted.frameLasten(p, ay), adopted.changeLasten(p, ay));
        long estimateBaten = Math.addExact(adopted.frameBaten(p, ay), adopted.changeBaten(p, ay));
        ProgrammeFrame f = byId.remove(programme.id());
        if (f == null) {
          differences.add(new Difference(programme.id(), programme.title(), Side.LASTEN, year, null, estimateLasten));
          differences.add(new Difference(programme.id(), programme.title(), Side.BATEN, year, null, estimateBaten));
          continue;
        }
        byId.put(programme.id(), f); // kept for the next year
        if (f.ownLastenCents(y) != estimateLasten) {
          differences.add(new Difference(programme.id(), programme.title(), Side.LASTEN, year, f.ownLastenCents(y), estimateLasten));
        }
        if (f.batenCents()[y] != estimateBaten) {
          differences.add(new Difference(programme.id(), programme.title(), Side.BATEN, year, f.batenCents()[y], estimateBaten));
        }
      }
      long totalLasten = 0;
      long totalBaten = 0;
      for (ProgrammeFrame f : frame) {
        boolean view = b.programme(f.programmeId()).map(Programme::overheadView).orElse(false);
        if (!view) {
          totalLasten = Math.addExact(totalLasten, f.lastenCents()[y]);
          totalBaten = Math.addExact(totalBaten, f.batenCents()[y]);
        }
      }
      long estimateLasten = Math.addExact(adopted.totalFrameLasten(ay), adopted.totalChangeLasten(ay));
      long estimateBaten = Math.addExact(adopted.totalFrameBaten(ay), adopted.totalChangeBaten(ay));
      if (totalLasten != estimateLasten) {
        differences.add(new Difference(null, null, Side.LASTEN, year, totalLasten, estimateLasten));
      }
      if (totalBaten != estimateBaten) {
        differences.add(new Difference(null, null, Side.BATEN, year, totalBaten, estimateBaten));
      }
      for (ProgrammeFrame f : byId.values()) {
        if (b.programme(f.programmeId()).isEmpty()) {
          differences.add(new Difference(f.programmeId(), f.title(), Side.LASTEN, year, f.lastenCents()[y], null));
          differences.add(new Difference(f.programmeId(), f.title(), Side.BATEN, year, f.batenCents()[y], null));
        }
      }
    }
    return differences;
  }
}
