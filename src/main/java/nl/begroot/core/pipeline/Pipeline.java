package nl.begroot.core.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import nl.begroot.core.engine.Engine;
import nl.begroot.core.figures.DocumentBuilder;
import nl.begroot.core.model.Budget;

/**
 * The one place where a budget is computed: {@link Engine#compute} → {@link DocumentBuilder#build}
 * → (on first use of the printed figures) controlled rounding. The command line, the web (through
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

  private Pipeline() {}

  /**
   * The budget computed: the same object for the same budget state while it is recent. Throws
   * {@link ArithmeticException} when the amounts are too large to add up exactly in cents.
   */
  public static Computed compute(Budget budget) {
    synchronized (RECENT) {
      Computed known = RECENT.get(budget);
      if (known != null) {
        return known;
      }
    }
    COMPUTATIONS.incrementAndGet();
    Computed computed = new Computed(budget, DocumentBuilder.build(Engine.compute(budget)));
    synchronized (RECENT) {
      Computed raced = RECENT.putIfAbsent(budget, computed);
      return raced != null ? raced : computed;
    }
  }

  /** How many times the engine and the figure builder have run in this process. */
  public static long computations() {
    return COMPUTATIONS.get();
  }

  /** How many times controlled rounding has run in this process. */
  public static long roundings() {
    return ROUNDINGS.get();
  }

  static void rounded() {
    ROUNDINGS.incrementAndGet();
  }
}
