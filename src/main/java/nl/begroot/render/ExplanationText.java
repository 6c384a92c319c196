package nl.begroot.render;

import nl.begroot.core.explain.Explanation;
import nl.begroot.core.figures.FigureLabels;
import nl.begroot.core.text.Dutch;

/**
 * An explanation as indented text that a controller reads from top to bottom. Each figure is named
 * in the document's words ({@link FigureLabels}); its id follows in brackets as the technical detail
 * that {@code begroot explain} takes.
 */
public final class ExplanationText {
  private ExplanationText() {}

  public static String render(Explanation e, FigureLabels labels) {
    StringBuilder out = new StringBuilder();
    line(out, e, 0, labels);
    return out.toString();
  }

  private static void line(StringBuilder out, Explanation e, int depth, FigureLabels labels) {
    String indent = "   ".repeat(depth);
    String sign = depth == 0 ? "" : e.sign() < 0 ? "- " : "+ ";
    out.append(indent).append(sign).append(labels.figure(e.figure().id()));
    out.append(" [").append(e.figure().id()).append("]");
    out.append(" = ");
    if (e.figure().display() == nl.begroot.core.figures.Figure.Display.PM) {
      out.append("pm (0)");
    } else {
      if (e.printed() != null) {
        out.append(Dutch.whole(e.printed())).append(e.inThousands() ? " (x € 1.000)" : " euro").append(", exact ");
      }
      out.append("€ ").append(Dutch.euros(e.figure().cents()));
    }
    out.append('\n');
    out.append(indent).append(depth == 0 ? "" : "  ").append("  ").append(e.how());
    if (!e.parts().isEmpty()) {
      long check = 0;
      for (Explanation p : e.parts()) {
        check += p.sign() * p.figure().cents();
      }
      out.append(": ").append(e.parts().size()).append(e.parts().size() == 1 ? " part" : " parts").append(", adding up to € ")
          .append(Dutch.euros(check));
    }
    out.append('\n');
    for (Explanation p : e.parts()) {
      line(out, p, depth + 1, labels);
    }
    if (e.basis() != null) {
      line(out, e.basis(), depth + 1, labels);
    }
  }
}
