package nl.begroot.core.validate;

import java.lang.ref.WeakReference;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.Member;
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
 * <p>A verdict is remembered: the last few budget instances found valid are kept (weakly, by
 * identity), so that {@link #requireValid}, the engine's precondition, does not check again a budget
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

  private static final Deque<WeakReference<Budget>> VALID = new ArrayDeque<>();
  private static final AtomicLong VALIDATIONS = new AtomicLong();

  private BudgetValidator() {}

  /** Every rule the budget breaks; empty when it is valid. Always checks (and counts). */
  public static List<Violation> validate(Budget budget) {
    VALIDATIONS.incrementAndGet();
    List<Violation> found = check(budget);
    if (found.isEmpty()) {
      remember(budget);
    }
    return found;
  }

  private static List<Violation> check(Budget budget) {
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
    for (int y = 0; c.absoluteTotals != null && y < c.absoluteTotals.length; y++) {
      if (c.absoluteTotals[y] > MAX_YEAR_TOTAL_CENTS) {
        c.add(ModelPath.ROOT, "the amounts are too large to add up exactly in cents: in " + c.years.get(y)
            + " the lines of the budget add up to more than " + Money.ofCents(MAX_YEAR_TOTAL_CENTS) + " euros, counted without sign");
        break;
      }
    }
    return List.copyOf(c.violations);
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

  private static void remember(Budget budget) {
    synchronized (VALID) {
      if (knownValid(budget)) {
        return;
      }
      VALID.addFirst(new WeakReference<>(budget));
      while (VALID.size() > REMEMBERED) {
        VALID.removeLast();
      }
    }
  }

  private static boolean knownValid(Budget budget) {
    synchronized (VALID) {
      VALID.removeIf(r -> r.get() == null);
      for (WeakReference<Budget> r : VALID) {
        if (r.get() == budget) {
          return true;
        }
      }
      return false;
    }
  }
}
