package nl.begroot.core.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.begroot.core.engine.AnnexLayout;
import nl.begroot.core.engine.Computation;
import nl.begroot.core.figures.Document;
import nl.begroot.core.figures.Tabel1Table;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.Member;
import nl.begroot.core.model.Proposal;
import nl.begroot.core.model.Side;

/**
 * Two versions side by side, in exact cents, over the years both have.
 *
 * @param years the years compared (the years of both versions, in order)
 * @param balancing the balancing item (the members' contribution that closes the budget) per year
 * @param tabel1 Tabel 1's rows that both versions have
 * @param members each member's total contribution change (Bijlage 1, the annex's total column) per year
 * @param proposals every proposal of either version, with its amounts in both (0 when absent)
 * @param distributed the amount the annex's total column distributes over the members (Bijlage 1, "Te verdelen bedrag")
 *     per year: what the members' lines add up to
 */
public record Comparison(
    List<Integer> years,
    Line balancing,
    List<Line> tabel1,
    List<Line> members,
    List<ProposalChange> proposals,
    Line distributed) {

  /** A named row with its values in version a and b, per compared year. */
  public record Line(String id, String label, long[] a, long[] b) {
    public long delta(int yearIndex) {
      return Math.subtractExact(b[yearIndex], a[yearIndex]);
    }

    public boolean changed() {
      for (int i = 0; i < a.length; i++) {
        if (a[i] != b[i]) {
          return true;
        }
      }
      return false;
    }
  }

  /** What happened to a proposal between a and b. */
  public enum Status {
    ADDED,
    REMOVED,
    CHANGED,
    UNCHANGED
  }

  /** A proposal in a and/or b; {@code side} and {@code title} are b's when it exists there. */
  public record ProposalChange(String id, String title, Side side, Proposal.Rule rule, Status status, Line amounts) {}

  /** Compares {@code a} (before) with {@code b} (after). */
  public static Comparison of(Document a, Document b) {
    return of(a.computation(), b.computation());
  }

  /**
   * Compares {@code a} (before) with {@code b} (after) from their computations alone: every figure
   * compared is one the engine holds (Tabel 1's rows by {@link Tabel1Table#lines}, the members' totals of
   * Bijlage 1), so that a preview need not build the document of the state after the edit.
   */
  public static Comparison of(Computation a, Computation b) {
    List<Integer> years = new ArrayList<>(a.years());
    years.retainAll(b.years());
    Line balancing = new Line("balancing", "Sluitpost", new long[years.size()], new long[years.size()]);
    for (int i = 0; i < years.size(); i++) {
      balancing.a()[i] = a.balancing(a.years().indexOf(years.get(i)));
      balancing.b()[i] = b.balancing(b.years().indexOf(years.get(i)));
    }
    Line distributed = new Line("distributed", "Te verdelen bedrag", new long[years.size()], new long[years.size()]);
    for (int i = 0; i < years.size(); i++) {
      distributed.a()[i] = distributed(a, years.get(i));
      distributed.b()[i] = distributed(b, years.get(i));
    }
    return new Comparison(List.copyOf(years), balancing, tabel1(a, b, years), members(a, b, years), proposals(a, b, years), distributed);
  }

  public List<Line> changedTabel1() {
    return tabel1.stream().filter(Line::changed).toList();
  }

  public List<Line> changedMembers() {
    return members.stream().filter(Line::changed).toList();
  }

  public List<ProposalChange> changedProposals() {
    if (proposals instanceof InPlace inPlace) {
      return inPlace.changed();
    }
    return proposals.stream().filter(p -> p.status() != Status.UNCHANGED).toList();
  }

  public boolean anyChange() {
    return balancing.changed() || !changedTabel1().isEmpty() || !changedMembers().isEmpty() || !changedProposals().isEmpty();
  }

  private static List<Line> tabel1(Computation a, Computation b, List<Integer> years) {
    Map<String, Tabel1Table.Line> inA = new java.util.HashMap<>();
    for (Tabel1Table.Line l : Tabel1Table.lines(a)) {
      inA.put(l.id(), l);
    }
    List<Line> lines = new ArrayList<>();
    for (Tabel1Table.Line lb : Tabel1Table.lines(b)) {
      Tabel1Table.Line la = inA.get(lb.id());
      if (la == null) {
        continue; // a row only one version has (a programme of its own)
      }
      long[] va = new long[years.size()];
      long[] vb = new long[years.size()];
      for (int i = 0; i < years.size(); i++) {
        va[i] = la.cents()[a.years().indexOf(years.get(i))];
        vb[i] = lb.cents()[b.years().indexOf(years.get(i))];
      }
      lines.add(new Line(lb.id(), lb.label(), va, vb));
    }
    return lines;
  }

  private static List<Line> members(Computation a, Computation b, List<Integer> years) {
    // each version's own total column (the annex says which; two versions may name it differently), found once
    int columnA = totalColumn(a);
    int columnB = totalColumn(b);
    int[] yearA = yearIndexes(a, years);
    int[] yearB = yearIndexes(b, years);
    Map<String, Integer> inA = positions(a.budget().members()); // by id: one look-up per member, not a search
    Map<String, Integer> inB = positions(b.budget().members());
    List<Member> membersB = b.budget().members();
    List<Line> lines = new ArrayList<>(membersB.size());
    for (int m = 0; m < membersB.size(); m++) {
      Member member = membersB.get(m);
      Integer ma = inA.get(member.id());
      int mb = inB.get(member.id());
      long[] va = new long[years.size()];
      long[] vb = new long[years.size()];
      for (int i = 0; i < years.size(); i++) {
        va[i] = memberTotal(a, columnA, yearA[i], ma == null ? -1 : ma);
        vb[i] = memberTotal(b, columnB, yearB[i], mb);
      }
      lines.add(new Line(member.id(), member.name(), va, vb));
    }
    return lines;
  }

  /** Each member's position by id (the last of a duplicated id, as a search from the start that keeps the last match). */
  private static Map<String, Integer> positions(List<Member> members) {
    Map<String, Integer> at = new java.util.HashMap<>();
    for (int m = 0; m < members.size(); m++) {
      at.put(members.get(m).id(), m);
    }
    return at;
  }

  /** Each compared year's index in {@code c}'s years (-1 when it has none). */
  private static int[] yearIndexes(Computation c, List<Integer> years) {
    int[] index = new int[years.size()];
    for (int i = 0; i < years.size(); i++) {
      index[i] = c.years().indexOf(years.get(i));
    }
    return index;
  }

  /** A member's figure in the annex's total column {@code column} in year {@code y} (Bijlage 1), from the engine; 0 without one. */
  private static long memberTotal(Computation c, int column, int y, int member) {
    return column < 0 || y < 0 || member < 0 ? 0 : c.annex().member(column, y, member);
  }

  /** The amount the annex's total column distributes in a year (Bijlage 1, "Te verdelen bedrag"), from the engine; 0 without one. */
  private static long distributed(Computation c, int year) {
    int column = totalColumn(c);
    int y = c.years().indexOf(year);
    return column < 0 || y < 0 ? 0 : c.annex().toDistribute(column, y);
  }

  /** The index of the annex's total column in the engine's annex figures (each version's own: two may name it differently); -1 without one. */
  private static int totalColumn(Computation c) {
    Budget budget = c.budget();
    if (budget.annex() == null || budget.annex().totalColumn().isEmpty()) {
      return -1;
    }
    return AnnexLayout.columnIndex(budget.annex(), budget.annex().totalColumn().get().id());
  }

  private static List<ProposalChange> proposals(Computation a, Computation b, List<Integer> years) {
    List<ProposalChange> inPlace = inPlace(a, b, years);
    if (inPlace != null) {
      return inPlace;
    }
    Map<String, long[]> inA = amounts(a, years);
    Map<String, long[]> inB = amounts(b, years);
    Map<String, Proposal> all = new LinkedHashMap<>();
    for (Proposal p : b.budget().proposals()) {
      all.put(p.id(), p);
    }
    Map<String, Proposal> ofA = new java.util.HashMap<>(); // by id: one look-up per proposal, not a search
    for (Proposal p : a.budget().proposals()) {
      all.putIfAbsent(p.id(), p);
      ofA.put(p.id(), p);
    }
    List<ProposalChange> changes = new ArrayList<>();
    for (Proposal p : all.values()) {
      long[] va = inA.getOrDefault(p.id(), new long[years.size()]);
      long[] vb = inB.getOrDefault(p.id(), new long[years.size()]);
      Status status;
      if (!inA.containsKey(p.id())) {
        status = Status.ADDED;
      } else if (!inB.containsKey(p.id())) {
        status = Status.REMOVED;
      } else {
        Proposal pa = ofA.get(p.id());
        status = java.util.Arrays.equals(va, vb) && pa.equals(p) ? Status.UNCHANGED : Status.CHANGED;
      }
      changes.add(new ProposalChange(p.id(), p.title(), p.side(), p.rule(), status, new Line(p.id(), p.title(), va, vb)));
    }
    return changes;
  }

  /**
   * The same list as the look-ups by id below give, when both versions hold the same proposals (by
   * id) in the same order, each id once (a proposal changed in place, as a preview's edit): then the
   * proposal at a position in a is the one at that position in b, so they are compared by position,
   * without maps of every proposal by id. Null otherwise. A position where both versions hold the very
   * same proposal has the same id in both; b's ids are then a's, in a's order, so they are unique when
   * a's are ({@link Computation#uniqueProposalIds}, made once per computation: a preview compares many
   * states with the one it started from).
   */
  private static List<ProposalChange> inPlace(Computation a, Computation b, List<Integer> years) {
    List<Proposal> pa = a.budget().proposals();
    List<Proposal> pb = b.budget().proposals();
    if (pa.size() != pb.size()) {
      return null;
    }
    for (int p = 0; p < pb.size(); p++) {
      Proposal before = pa.get(p);
      Proposal after = pb.get(p);
      if (before != after && !java.util.Objects.equals(before.id(), after.id())) {
        return null;
      }
    }
    if (!a.uniqueProposalIds()) {
      return null;
    }
    return new InPlace(a, b, years.size(), yearIndexes(a, years), yearIndexes(b, years));
  }

  /**
   * The proposals of two versions that hold the same ones in the same order, each change made when it
   * is read: a preview reads only the changed ones ({@link #changedProposals}), and a position whose
   * proposal and amounts both versions share (the same objects) is unchanged without a look at its
   * amounts.
   */
  private static final class InPlace extends java.util.AbstractList<ProposalChange> implements java.util.RandomAccess {
    private final Computation a;
    private final Computation b;
    private final int years;
    private final int[] yearA;
    private final int[] yearB;

    InPlace(Computation a, Computation b, int years, int[] yearA, int[] yearB) {
      this.a = a;
      this.b = b;
      this.years = years;
      this.yearA = yearA;
      this.yearB = yearB;
    }

    @Override
    public int size() {
      return b.budget().proposals().size();
    }

    @Override
    public ProposalChange get(int p) {
      Proposal before = a.budget().proposals().get(p);
      Proposal after = b.budget().proposals().get(p);
      long[] va = new long[years];
      long[] vb = new long[years];
      nl.begroot.core.model.Amounts la = a.line(p);
      nl.begroot.core.model.Amounts lb = b.line(p);
      for (int i = 0; i < years; i++) {
        va[i] = la.cents(yearA[i]);
        vb[i] = lb.cents(yearB[i]);
      }
      Status status = java.util.Arrays.equals(va, vb) && (before == after || before.equals(after)) ? Status.UNCHANGED : Status.CHANGED;
      return new ProposalChange(after.id(), after.title(), after.side(), after.rule(), status, new Line(after.id(), after.title(), va, vb));
    }

    /** Whether position {@code p} is certainly unchanged: the same proposal with the same amounts (the very same objects). */
    boolean shared(int p) {
      Proposal before = a.budget().proposals().get(p);
      if (before != b.budget().proposals().get(p)) {
        return false;
      }
      // an entered line's amounts are its proposal's own (Computation#line): the same proposal, the same amounts
      return before.rule() == Proposal.Rule.ENTERED || a.line(p) == b.line(p);
    }

    List<ProposalChange> changed() {
      List<ProposalChange> changed = new ArrayList<>();
      for (int p = 0; p < size(); p++) {
        if (!shared(p)) {
          ProposalChange change = get(p);
          if (change.status() != Status.UNCHANGED) {
            changed.add(change);
          }
        }
      }
      return List.copyOf(changed);
    }
  }

  private static Map<String, long[]> amounts(Computation c, List<Integer> years) {
    Map<String, long[]> result = new LinkedHashMap<>();
    List<Proposal> proposals = c.budget().proposals();
    int[] yearIndex = new int[years.size()];
    for (int i = 0; i < years.size(); i++) {
      yearIndex[i] = c.years().indexOf(years.get(i));
    }
    for (int p = 0; p < proposals.size(); p++) {
      long[] values = new long[years.size()];
      nl.begroot.core.model.Amounts line = c.line(p);
      for (int i = 0; i < years.size(); i++) {
        values[i] = line.cents(yearIndex[i]);
      }
      result.put(proposals.get(p).id(), values);
    }
    return result;
  }
}
