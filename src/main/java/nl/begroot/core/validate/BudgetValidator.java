package nl.begroot.core.validate;

import java.lang.ref.WeakReference;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.Member;
import nl.begroot.core.model.Proposal;
import nl.begroot.core.money.Money;

/**
 * The rules a {@link Budget} must keep before it can be computed: ids unique and well formed,
 * references to things that exist, keys and spreads that add up to 100 %, transfers that net to
 * zero, one balancing line, every proposal in an annex column, amounts within range. Every broken rule
 * is returned (not only the first), each with the {@link ModelPath} of what breaks it; a rule that
 * follows from another broken rule is not reported again (a programme without a title still owns its
 * units; a share that is missing is not also counted as a wrong sum).
 *
 * <p>Null fields (a reader that could not read them) are reported as missing, never a crash. The
 * checks of the printed document against the computed tables need a computation and live beside the
 * document ({@code nl.begroot.core.figures.PrintedTablesCheck}).
 *
 * <p>The rules live in rooms by part of the budget ({@link HeaderRules}, {@link ProgrammeRules},
 * {@link ProposalRules}, {@link AnnexRules}) sharing what one check has found ({@link Checks}).
 *
 * <p>A verdict is remembered: the last few budget instances found valid, or asked about, are kept (weakly, by
 * identity, with their yearly totals for {@link #validateEdit}), so that {@link #requireValid}, the engine's precondition, does not check again a budget
 * its reader has just validated. The model is immutable, so an instance found valid stays valid.
 * {@link #validations()} counts the validations that really ran, for tests.
 */
public final class BudgetValidator {
  /** Largest amount accepted in one cell: a thousand billion euros, in cents. */
  public static final long MAX_CENTS = 100_000_000_000_000L;
  /**
   * Largest sum of the absolute amounts of one year over every line of the budget: an eighth of what
   * a {@code long} holds, so that every total the engine adds up, and its double check, fits exactly.
   */
  public static final long MAX_YEAR_TOTAL_CENTS = Long.MAX_VALUE / 8;

  /** How many budget instances found valid are remembered (the versions and the edit in progress). */
  static final int REMEMBERED = 16;

  /** A budget instance found valid and the sums of its absolute amounts per year (what {@link #validateEdit} updates by a line). */
  private record Valid(WeakReference<Budget> budget, long[] absoluteTotals) {}

  private static final Deque<Valid> VALID = new ArrayDeque<>();
  private static final AtomicLong VALIDATIONS = new AtomicLong();
  private static final AtomicLong LOCAL = new AtomicLong();

  private BudgetValidator() {}

  /** Every rule the budget breaks; empty when it is valid. Always checks (and counts). */
  public static List<Violation> validate(Budget budget) {
    VALIDATIONS.incrementAndGet();
    Checks c = check(budget);
    List<Violation> found = List.copyOf(c.violations);
    if (found.isEmpty()) {
      remember(budget, c.absoluteTotals);
    }
    return found;
  }

  /**
   * The verdict of {@link #validate validate(candidate)}, the same list, for a candidate made from
   * {@code before} by one proposal: changed in place at {@code index} (the same number of proposals)
   * or added at the end ({@code index} is the number of proposals before). When {@code before} is a
   * budget instance found valid, everything but the proposals is equal, every other proposal is the
   * same object, and the proposal before and after is an entered, transfer-free, balancing-free line
   * whose id stays the same (or, added, is new and not withdrawn), only what that line can break is
   * checked, by the same rules: its own rules ({@link ProposalRules#line}), that it falls in an annex
   * column ({@link AnnexRules#inColumn}), and the yearly totals of the absolute amounts, updated by
   * the line's delta. Otherwise (a withdrawal, an id changed, a transfer, balancing or pass-through
   * line, a budget not known valid) the whole candidate is validated (issue 13, decision 218).
   */
  public static List<Violation> validateEdit(Budget before, Budget candidate, int index) {
    long[] totalsBefore = validTotals(before);
    if (totalsBefore == null || !local(before, candidate, index)) {
      return validate(candidate);
    }
    Proposal was = index < before.proposals().size() ? before.proposals().get(index) : null;
    Proposal is = candidate.proposals().get(index);
    Checks c = new Checks(candidate);
    new ProgrammeRules(c).programmes(); // the units and programmes the line names (those of a valid budget: no violations)
    long[] wasTotals = null;
    if (was != null) {
      Checks o = new Checks(before);
      o.unitProgramme.putAll(c.unitProgramme);
      o.programmeIndex.putAll(c.programmeIndex);
      new ProposalRules(o).line(index, was);
      wasTotals = o.absoluteTotals;
      if (!o.violations.isEmpty()) {
        return validate(candidate); // cannot be for a valid budget; the whole verdict then
      }
    }
    if (!c.violations.isEmpty()) {
      return validate(candidate);
    }
    VALIDATIONS.incrementAndGet();
    LOCAL.incrementAndGet();
    c.absoluteTotals = null;
    new ProposalRules(c).line(index, is);
    long[] isTotals = c.absoluteTotals;
    AnnexRules annex = new AnnexRules(c);
    annex.inColumn(index, is, annex.claims());
    c.absoluteTotals = new long[c.years.size()];
    for (int y = 0; y < c.absoluteTotals.length; y++) {
      long rest = y < totalsBefore.length ? totalsBefore[y] - (wasTotals == null ? 0 : wasTotals[y]) : 0;
      long add = isTotals == null ? 0 : isTotals[y];
      c.absoluteTotals[y] = add > Long.MAX_VALUE - rest ? Long.MAX_VALUE : rest + add; // saturating, as Checks.amounts
    }
    yearTotals(c);
    List<Violation> found = List.copyOf(c.violations);
    if (found.isEmpty()) {
      remember(candidate, c.absoluteTotals);
    }
    return found;
  }

  /** Whether {@code candidate} is {@code before} with one line changed or added at {@code index} that {@link #validateEdit} can check alone. */
  private static boolean local(Budget before, Budget candidate, int index) {
    List<Proposal> was = before.proposals();
    List<Proposal> is = candidate.proposals();
    boolean added = is.size() == was.size() + 1 && index == was.size();
    boolean changed = is.size() == was.size() && index >= 0 && index < was.size();
    if (!added && !changed || !candidate.sameBesidesProposals(before)) {
      return false;
    }
    for (int i = 0; i < was.size(); i++) {
      if (i != index && was.get(i) != is.get(i)) {
        return false;
      }
    }
    Proposal p = is.get(index);
    if (!alone(p) || p.id() == null || p.id().isBlank()) {
      return false;
    }
    if (changed) {
      return alone(was.get(index)) && p.id().equals(was.get(index).id());
    }
    if (candidate.withdrawn().contains(p.id())) {
      return false;
    }
    String id = p.id();
    for (Proposal other : was) {
      if (other.hasId(id)) {
        return false; // a duplicate id: the other line's rules are then skipped, and references find the first; the whole verdict
      }
    }
    return true;
  }

  /** A line whose rules involve no other line but by its id: not a transfer, balancing or contribution line, no pass-through. */
  private static boolean alone(Proposal p) {
    return p.rule() != Proposal.Rule.TRANSFER && p.rule() != Proposal.Rule.BALANCING && p.rule() != Proposal.Rule.PASS_THROUGH_CONTRIBUTION
        && !p.passThrough();
  }

  private static Checks check(Budget budget) {
    Checks c = new Checks(budget);
    HeaderRules header = new HeaderRules(c);
    header.header();
    header.simpleList("products", budget.products(), x -> x.id(), x -> x.title(), "title");
    Set<String> members = header.simpleList("members", budget.members(), Member::id, Member::name, "name");
    header.simpleList("categories", budget.categories(), x -> x.id(), x -> x.title(), "title");
    header.simpleList("third_parties", budget.thirdParties(), x -> x.id(), x -> x.title(), "title");
    header.keys(members);
    new ProgrammeRules(c).programmes();
    ProposalRules lines = new ProposalRules(c);
    lines.proposals();
    lines.transfers();
    new AnnexRules(c).annex();
    new MappingRules(c).mapping();
    if (!budget.withdrawn().isEmpty()) {
      Set<String> active = new java.util.HashSet<>();
      budget.proposals().forEach(p -> active.add(p.id()));
      for (int i = 0; i < budget.withdrawn().size(); i++) {
        String id = budget.withdrawn().get(i);
        if (id == null || id.isBlank()) {
          c.add(ModelPath.of("withdrawn").index(i), "a withdrawn proposal's id must be a non-empty text");
        } else if (active.contains(id)) {
          c.add(ModelPath.of("withdrawn").index(i), "proposal '" + id + "' is listed as withdrawn but is also in the proposals");
        }
      }
    }
    header.glossary();
    header.printed();
    yearTotals(c);
    return c;
  }

  /** The rule that every year's absolute amounts add up to at most {@link #MAX_YEAR_TOTAL_CENTS}. */
  private static void yearTotals(Checks c) {
    for (int y = 0; c.absoluteTotals != null && y < c.absoluteTotals.length; y++) {
      if (c.absoluteTotals[y] > MAX_YEAR_TOTAL_CENTS) {
        c.add(ModelPath.ROOT, "the amounts are too large to add up exactly in cents: in " + c.years.get(y)
            + " the lines of the budget add up to more than " + Money.ofCents(MAX_YEAR_TOTAL_CENTS) + " euros, counted without sign");
        break;
      }
    }
  }

  /**
   * Throws {@link InvalidBudgetException} listing what is wrong, unless the budget is valid. A budget
   * instance that {@link #validate} has recently found valid is not checked again.
   */
  public static void requireValid(Budget budget) {
    if (knownValid(budget)) {
      return;
    }
    List<Violation> found = validate(budget);
    if (!found.isEmpty()) {
      throw new InvalidBudgetException(found);
    }
  }

  /** How many times a budget has really been validated in this process (a remembered verdict is not counted). */
  public static long validations() {
    return VALIDATIONS.get();
  }

  /** How many of {@link #validations()} were one edited line's ({@link #validateEdit}'s local path), for tests. */
  static long localValidations() {
    return LOCAL.get();
  }

  private static void remember(Budget budget, long[] absoluteTotals) {
    long[] totals = absoluteTotals == null ? new long[0] : absoluteTotals.clone();
    synchronized (VALID) {
      if (knownValid(budget)) {
        return;
      }
      VALID.addFirst(new Valid(new WeakReference<>(budget), totals));
      while (VALID.size() > REMEMBERED) {
        VALID.removeLast();
      }
    }
  }

  private static boolean knownValid(Budget budget) {
    return validTotals(budget) != null;
  }

  /** The yearly absolute totals of a budget instance found valid, or null when it is not known valid. */
  private static long[] validTotals(Budget budget) {
    synchronized (VALID) {
      VALID.removeIf(r -> r.budget().get() == null);
      for (java.util.Iterator<Valid> it = VALID.iterator(); it.hasNext(); ) {
        Valid r = it.next();
        if (r.budget().get() == budget) {
          // the most recently asked for first: the state previews start from stays known while its valid candidates come and go
          it.remove();
          VALID.addFirst(r);
          return r.absoluteTotals();
        }
      }
      return null;
    }
  }
}
