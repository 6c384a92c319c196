package nl.begroot.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import nl.begroot.core.engine.Engine;
import nl.begroot.core.figures.Document;
import nl.begroot.core.figures.DocumentBuilder;
import nl.begroot.core.model.Budget;
import nl.begroot.core.rounding.ControlledRounding;
import org.junit.jupiter.api.Test;

/**
 * Compute → figures → rounding has one owner, {@code core.pipeline}: nothing else in the program
 * runs the engine, builds the figures or rounds them (the benchmarks, which measure the engine
 * itself, excepted). A new caller that computes on its own, and so computes a state twice, fails here.
 */
class PipelineOwnershipTest {
  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("nl.begroot");

  @Test
  void onlyThePipelineComputes() {
    noClasses().that().resideOutsideOfPackages("nl.begroot.core.pipeline..", "nl.begroot.bench..")
        .should().callMethod(Engine.class, "compute", Budget.class)
        .orShould().callMethod(DocumentBuilder.class, "build", nl.begroot.core.engine.Computation.class)
        .orShould().callMethod(ControlledRounding.class, "round", Document.class)
        .because("a budget state is computed once, by nl.begroot.core.pipeline.Pipeline")
        .check(CLASSES);
  }
}
