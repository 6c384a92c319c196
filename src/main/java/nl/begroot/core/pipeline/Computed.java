package nl.begroot.core.pipeline;

import java.util.Objects;
import nl.begroot.core.engine.Computation;
import nl.begroot.core.explain.Explainer;
import nl.begroot.core.figures.Document;
import nl.begroot.core.figures.DocumentBuilder;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.Member;
import nl.begroot.core.model.Side;
import nl.begroot.core.rounding.ControlledRounding;
import nl.begroot.core.rounding.PrintedFigures;

/**
 * One budget state computed for print: the budget, its exact computation, the document (every
 * figure with its lineage, the tables) and, built on first use, the printed figures. Made only by
 * {@link Pipeline#compute}; immutable and shared between threads. The views derived from it (the
 * explainer, a member's figures per year, the chart data) are built here once, so that every
 * caller shows the same thing.
 */
public final class Computed {
  private final Budget budget;
  private final Computation computation;
  private volatile Document document;
  private volatile PrintedFigures printed;
  private volatile Explainer explainer;
  private volatile nl.begroot.core.figures.FigureLabels labels;
  private final java.util.Map<String, MemberYears> memberYears = new java.util.concurrent.ConcurrentHashMap<>();
  private final java.util.Map<String, MemberSummary> memberSummaries = new java.util.concurrent.ConcurrentHashMap<>();
  private final java.util.Map<Side, ProgrammeChart> charts = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * A state whose document is built on first use (decision 185): a preview compares computations
   * ({@link nl.begroot.core.compare.Comparison#of(Computation, Computation)}) and needs no figures of
   * its own; whoever shows the state builds them, once.
   */
  Computed(Budget budget, Computation computation) {
    this.budget = Objects.requireNonNull(budget);
    this.computation = Objects.requireNonNull(computation);
  }

  public Budget budget() {
    return budget;
  }

  public Computation computation() {
    return computation;
  }

  /** The document: every figure with its lineage and the tables (built once, on first use). */
  public Document document() {
    Document d = document;
    if (d == null) {
      synchronized (this) {
        d = document;
        if (d == null) {
          d = DocumentBuilder.build(computation);
          Pipeline.documentBuilt();
          document = d;
        }
      }
    }
    return d;
  }

  /** The printed figures (controlled rounding), rounded once on first use. */
  public PrintedFigures printed() {
    PrintedFigures p = printed;
    if (p == null) {
      synchronized (this) {
        p = printed;
        if (p == null) {
          Pipeline.rounded();
          p = ControlledRounding.round(document());
          printed = p;
        }
      }
    }
    return p;
  }

  /** The lineage of any figure of this document. */
  public Explainer explainer() {
    Explainer e = explainer;
    if (e == null) {
      e = new Explainer(document(), printed());
      explainer = e;
    }
    return e;
  }

  /** The names of this document's figures in its own words, for people (built once). */
  public nl.begroot.core.figures.FigureLabels labels() {
    nl.begroot.core.figures.FigureLabels l = labels;
    if (l == null) {
      l = nl.begroot.core.figures.FigureLabels.of(document());
      labels = l;
    }
    return l;
  }

  /** A member's figures of Bijlage 1 per column and year (built once per member). */
  public MemberYears memberYears(Member member) {
    return memberYears.computeIfAbsent(member.id(), id -> MemberYears.of(budget, document(), member));
  }

  /**
   * What a member pays more or less per year, the proposals behind it, the pass-through money, its
   * key share and its contribution lines (built once per member): the province page, the statement,
   * the API and the member's downloads.
   */
  public MemberSummary memberSummary(Member member) {
    return memberSummaries.computeIfAbsent(member.id(), id -> MemberSummary.of(budget, document(), printed(), explainer(), member));
  }

  /** The chart data of the new frame's lasten or baten per programme, overhead view left out. */
  public ProgrammeChart programmeChart(Side side) {
    return charts.computeIfAbsent(side, s -> ProgrammeChart.of(budget, document(), printed(), s));
  }
}
