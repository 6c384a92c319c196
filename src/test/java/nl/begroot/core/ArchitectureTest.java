package nl.begroot.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The core is pure: no I/O, no framework, and nothing of the adapters around it. */
class ArchitectureTest {
  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("nl.begroot");

  @Test
  void coreDoesNoInputOrOutput() {
    noClasses().that().resideInAPackage("nl.begroot.core..")
        .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio..", "java.net..", "java.sql..", "javax..")
        .because("the core computes; adapters read and write")
        .check(CLASSES);
  }

  @Test
  void coreUsesNoFramework() {
    noClasses().that().resideInAPackage("nl.begroot.core..")
        .should().dependOnClassesThat().resideInAnyPackage("picocli..", "tools.jackson..", "com.fasterxml..", "org.snakeyaml..",
            "org.openjdk.jmh..", "org.slf4j..")
        .check(CLASSES);
  }

  @Test
  void coreDependsOnNoAdapter() {
    noClasses().that().resideInAPackage("nl.begroot.core..")
        .should().dependOnClassesThat().resideInAnyPackage("nl.begroot.format..", "nl.begroot.render..", "nl.begroot.cli..",
            "nl.begroot.bench..")
        .check(CLASSES);
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
