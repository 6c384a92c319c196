package nl.begroot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.begroot.core.engine.Engine;
import nl.begroot.core.figures.Document;
import nl.begroot.core.figures.DocumentBuilder;
import nl.begroot.core.figures.Figure;
import nl.begroot.core.generate.BudgetGenerator;
import nl.begroot.format.BudgetFiles;
import nl.begroot.format.LoadResult;
import org.junit.jupiter.api.Test;

/** Every figure of a document can be explained in Dutch on the Dutch pages (a new rule in the core needs its words here). */
class HowTextTest {
  @Test
  void everyFigureOfTheIpoBudgetHasADutchWording() {
    Document d = DocumentBuilder.build(Engine.compute(((LoadResult.Loaded) BudgetFiles.loadBuiltIn()).budget()));
    List<String> missing = d.graph().all().stream().filter(f -> HowText.dutch(f, d) == null).map(Figure::id).toList();
    assertThat(missing).isEmpty();
  }

  @Test
  void everyFigureOfAGeneratedBudgetHasADutchWording() {
    for (long seed = 1; seed <= 5; seed++) {
      Document d = DocumentBuilder.build(Engine.compute(BudgetGenerator.generate(seed, new BudgetGenerator.Size(40, 4, 5, 3, 4, 2))));
      long s = seed;
      assertThat(d.graph().all()).as("seed " + s).allSatisfy(f -> assertThat(HowText.dutch(f, d)).as(f.id()).isNotNull());
    }
  }
}
