package nl.begroot.core.pipeline;

import java.util.LinkedHashMap;
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

  private static final Map<Budget, Computed> RECENT = new LinkedHashMap<>(16, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<Budget, Computed> eldest) {
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
    synchronized (RECENT) {
      Computed known = RECENT.get(budget);
      if (known != null) {
        return known;
      }
      if (edit != null) {
        before = RECENT.get(edit.before());
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
      Computed raced = RECENT.putIfAbsent(budget, computed);
      return raced != null ? raced : computed;
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
