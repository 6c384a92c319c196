package nl.begroot.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The web goes through the workspace: it reads the store's records (a version's row, a proposal's
 * row, a change) as the workspace hands them out, but never opens or calls the store itself.
 */
class WebLayerTest {
  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("nl.begroot");

  @Test
  void webCallsNoStore() {
    noClasses().that().resideInAPackage("nl.begroot.web..")
        .should().dependOnClassesThat().haveFullyQualifiedName("nl.begroot.store.VersionStore")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("nl.begroot.store.Database")
        .because("ARCHITECTURE.md: web → workspace → store")
        .check(CLASSES);
  }
}
