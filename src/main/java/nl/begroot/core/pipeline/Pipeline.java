package nl.begroot.core.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import nl.begroot.core.engine.Computation;
import nl.begroot.core.engine.Engine;
import nl.begroot.core.model.Budget;

/**
 * The one place where a budget is computed: {@link Engine#compute} → (on first use of the document)
 * {@link nl.begroot.core.figures.DocumentBuilder#build} → (on first use of the printed figures) controlled rounding. The command line, the web (through
 * the workspace), publishing, the reader's check of a printed document and the tests all ask here.
 *
 * <p>A budget state is a {@link Budget} value (the model is immutable and compares by value; a
 * budget written out and read back is equal to the original), so the same state asked for twice,
 * e.g. an edit validated, previewed, saved and then shown, is computed once: the most recent states
 * are kept, keyed by value. Counters say how often each step really ran, so that a test can hold
 * the code to one computation per state change.
 */
public final class Pipeline {
  /** How many recent budget states are kept computed (a few versions and the edit in progress). */
  static final int KEPT = 8;

  private static final Map<Key, Computed> RECENT = new LinkedHashMap<>(16, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<Key, Computed> eldest) {
      return size() > KEPT;
    }
  };
  private static final AtomicLong COMPUTATIONS = new AtomicLong();
  private static final AtomicLong ROUNDINGS = new AtomicLong();
  private static final AtomicLong INCREMENTAL = new AtomicLong();
  private static final AtomicLong DOCUMENTS = new AtomicLong();

  private Pipeline() {}

  /**
   * The budget computed: the same object for the same budget state while it is recent. Throws
   * {@link ArithmeticException} when the amounts are too large to add up exactly in cents.
   */
  public static Computed compute(Budget budget) {
    return compute(budget, null);
  }

  /**
   * One proposal edited: the budget before, and what happened to which proposal. When the state
   * before is still computed, the edited state is computed from it by the edit's delta ({@link
   * Engine#change}, {@link Engine#add}, {@link Engine#withdraw}) rather than from scratch.
   */
  public record Edit(Budget before, Kind kind, int index) {
    /** What happened to the proposal at {@code index} (of the budget before; of the budget after for an addition). */
    public enum Kind {
      CHANGED,
      ADDED,
      WITHDRAWN
    }
  }

  /**
   * The budget computed, as {@link #compute(Budget)}; {@code edit} (or null) says how it was made
   * from a budget state before, so that the engine can update that state's computation by the delta.
   */
  public static Computed compute(Budget budget, Edit edit) {
    Computed before = null;
    Key key;
    synchronized (RECENT) {
      // the same object as a kept state (the version a page shows, the edit just checked) is found without hashing the budget
      Key same = kept(budget);
      if (same != null) {
        return RECENT.get(same);
      }
      Key keyBefore = edit == null ? null : kept(edit.before());
      if (keyBefore != null) {
        before = RECENT.get(keyBefore);
      }
      key = keyBefore == null ? Key.of(budget) : keyBefore.edited(budget, edit);
      Computed known = RECENT.get(key);
      if (known != null) {
        return known;
      }
      if (edit != null && before == null) {
        before = RECENT.get(Key.of(edit.before()));
      }
    }
    COMPUTATIONS.incrementAndGet();
    Computation computation;
    if (before == null) {
      computation = Engine.compute(budget);
    } else {
      INCREMENTAL.incrementAndGet();
      computation = switch (edit.kind()) {
        case CHANGED -> Engine.change(before.computation(), budget, edit.index());
        case ADDED -> Engine.add(before.computation(), budget);
        case WITHDRAWN -> Engine.withdraw(before.computation(), budget, edit.index());
      };
    }
    Computed computed = new Computed(budget, computation); // its document is built on first use
    synchronized (RECENT) {
      Computed raced = RECENT.putIfAbsent(key, computed);
      return raced != null ? raced : computed;
    }
  }

  /** The key of the kept state that is this very object, or null (a scan of at most {@link #KEPT} keys; hold RECENT's lock). */
  private static Key kept(Budget budget) {
    for (Key k : RECENT.keySet()) {
      if (k.budget == budget) {
        return k;
      }
    }
    return null;
  }

  /**
   * A budget state as the key of {@link #RECENT}: equal when the budgets are equal (by value), its hash
   * computed once. The hash is the hash of everything but the proposals and the sum of the proposals'
   * hashes, so that a state made by one edit from a kept one gets its hash from that one's by the
   * edited proposal alone (after checking that nothing else differs), instead of hashing every
   * proposal of a large budget again (issue 13, decision 215).
   */
  static final class Key {
    final Budget budget;
    private final int rest;
    private final int proposals;

    private Key(Budget budget, int rest, int proposals) {
      this.budget = budget;
      this.rest = rest;
      this.proposals = proposals;
    }

    static Key of(Budget budget) {
      int sum = 0;
      for (nl.begroot.core.model.Proposal p : budget.proposals()) {
        sum += p.hashCode();
      }
      return new Key(budget, restHash(budget), sum);
    }

    private static int restHash(Budget b) {
      return java.util.Objects.hash(b.organisation(), b.version(), b.products(), b.members(), b.keys(), b.categories(), b.thirdParties(),
          b.programmes(), b.transfers(), b.annex(), b.glossary(), b.printed(), b.withdrawn(), b.ledgerMapping());
    }

    /** The key of {@code after}, made from this one's budget by {@code edit}; hashed in full when it was not made so. */
    Key edited(Budget after, Edit edit) {
      List<nl.begroot.core.model.Proposal> was = budget.proposals();
      List<nl.begroot.core.model.Proposal> is = after.proposals();
      int i = edit.index();
      boolean shaped = switch (edit.kind()) {
        case CHANGED -> is.size() == was.size() && i >= 0 && i < was.size();
        case ADDED -> is.size() == was.size() + 1 && i == was.size();
        case WITHDRAWN -> is.size() == was.size() - 1 && i >= 0 && i < was.size();
      };
      if (!shaped || !after.sameBesidesProposals(budget)) {
        return of(after);
      }
      int sum = proposals;
      for (int p = 0, q = 0; p < was.size() || q < is.size(); ) {
        if (p == i && edit.kind() != Edit.Kind.ADDED) {
          sum -= was.get(p).hashCode();
          p++;
          if (edit.kind() == Edit.Kind.WITHDRAWN) {
            continue;
          }
        }
        if (q == i && edit.kind() != Edit.Kind.WITHDRAWN) {
          sum += is.get(q).hashCode();
          q++;
          continue;
        }
        if (p >= was.size() || q >= is.size() || was.get(p) != is.get(q)) {
          return of(after); // another proposal differs too: not this edit
        }
        p++;
        q++;
      }
      return new Key(after, rest, sum);
    }


    @Override
    public int hashCode() {
      return rest * 31 + proposals;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && (k.budget == budget || k.hashCode() == hashCode() && k.budget.equals(budget));
    }
  }

  /** How many times the engine and the figure builder have run in this process. */
  public static long computations() {
    return COMPUTATIONS.get();
  }

  /** How many of {@link #computations()} were updates by an edit's delta. */
  public static long incrementalComputations() {
    return INCREMENTAL.get();
  }

  /** How many times a computed state's document (its figures and tables) has been built in this process. */
  public static long documents() {
    return DOCUMENTS.get();
  }

  static void documentBuilt() {
    DOCUMENTS.incrementAndGet();
  }

  /** How many times controlled rounding has run in this process. */
  public static long roundings() {
    return ROUNDINGS.get();
  }

  static void rounded() {
    ROUNDINGS.incrementAndGet();
  }

  /**
   * Prints a report beside the budget (the Tussenrapportage's tables, {@code core.midyear}; the annual
   * accounts, {@code core.accounts}) with the budget's controlled rounding, here, so that rounding keeps
   * its one owner: its tables foot and each figure is within 1 of its exact value. The
   * report's own figures are not a budget state, so they are not kept; the caller keeps the result.
   */
  public static nl.begroot.core.rounding.PrintedFigures round(nl.begroot.core.figures.Document report) {
    rounded();
    return nl.begroot.core.rounding.ControlledRounding.round(report);
  }
}
