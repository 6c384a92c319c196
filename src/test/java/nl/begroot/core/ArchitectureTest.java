package nl.begroot.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The shape of the code (ARCHITECTURE.md): a pure core that uses nothing but Java's own library and
 * itself; adapters in layers that are never crossed upwards (core &lt; format, render &lt; store,
 * publish &lt; workspace &lt; web, cli, bench); no cycles between packages.
 */
class ArchitectureTest {
  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("nl.begroot");

  /** The core's only dependencies: {@code java.*} and itself (no framework, no adapter, no javax). */
  @Test
  void coreUsesOnlyJavaAndItself() {
    classes().that().resideInAPackage("nl.begroot.core..")
        .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "nl.begroot.core..")
        .because("the core is plain Java: adapters bring the libraries")
        .check(CLASSES);
  }

  @Test
  void coreDoesNoInputOrOutput() {
    noClasses().that().resideInAPackage("nl.begroot.core..")
        .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio..", "java.net..", "java.sql..")
        .because("the core computes; adapters read and write")
        .check(CLASSES);
  }

  /**
   * Each layer uses only the layers below it (and itself). Format and render are one level, store and
   * publish the next; web, cli and bench are the top, where the command line starts the web server
   * and the benchmarks, and the benchmarks load the web server.
   */
  @Test
  void layersAreNotCrossedUpwards() {
    layeredArchitecture().consideringOnlyDependenciesInLayers()
        .layer("Core").definedBy("nl.begroot.core..")
        .layer("Format").definedBy("nl.begroot.format..")
        .layer("Render").definedBy("nl.begroot.render..")
        .layer("Store").definedBy("nl.begroot.store..")
        .layer("Publish").definedBy("nl.begroot.publish..")
        .layer("Workspace").definedBy("nl.begroot.workspace..")
        .layer("Web").definedBy("nl.begroot.web..")
        .layer("Bench").definedBy("nl.begroot.bench..")
        .layer("Cli").definedBy("nl.begroot.cli..")
        .whereLayer("Core").mayNotAccessAnyLayer()
        .whereLayer("Format").mayOnlyAccessLayers("Core")
        .whereLayer("Render").mayOnlyAccessLayers("Core")
        .whereLayer("Store").mayOnlyAccessLayers("Core", "Format", "Render")
        .whereLayer("Publish").mayOnlyAccessLayers("Core", "Format", "Render")
        .whereLayer("Workspace").mayOnlyAccessLayers("Core", "Format", "Render", "Store", "Publish")
        .whereLayer("Web").mayOnlyAccessLayers("Core", "Format", "Render", "Store", "Publish", "Workspace")
        .whereLayer("Bench").mayOnlyAccessLayers("Core", "Format", "Render", "Store", "Publish", "Workspace", "Web")
        .whereLayer("Cli").mayOnlyAccessLayers("Core", "Format", "Render", "Store", "Publish", "Workspace", "Web", "Bench")
        .check(CLASSES);
  }

  /** No two top-level packages depend on each other, directly or around a circle. */
  @Test
  void noCyclesBetweenTheLayers() {
    slices().matching("nl.begroot.(*)..").should().beFreeOfCycles().check(CLASSES);
  }

  /** Nor do the core's packages (model, money, engine, figures, rounding, ...). */
  @Test
  void noCyclesInsideTheCore() {
    slices().matching("nl.begroot.core.(*)..").should().beFreeOfCycles().check(CLASSES);
  }

  /** Nor any two second-level packages anywhere ({@code nl.begroot.X.Y}), in the core or in an adapter. */
  @Test
  void noCyclesBetweenSubpackages() {
    slices().matching("nl.begroot.(*).(*)..").should().beFreeOfCycles().check(CLASSES);
  }

  @Test
  void noFloatingPointNearMoney() {
    noClasses().that().resideInAnyPackage("nl.begroot.core..", "nl.begroot.format..", "nl.begroot.render..")
        .should().callMethod(Double.class, "parseDouble", String.class)
        .orShould().callMethod(Double.class, "valueOf", String.class)
        .orShould().callMethod(java.math.BigDecimal.class, "doubleValue")
        .orShould().callConstructor(java.math.BigDecimal.class, double.class)
        .check(CLASSES);
  }

  @Test
  void renderersDoNotReadFiles() {
    noClasses().that().resideInAPackage("nl.begroot.render..")
        .should().dependOnClassesThat().resideInAnyPackage("java.nio.file..", "nl.begroot.cli..", "nl.begroot.format..")
        .check(CLASSES);
  }
}
