package nl.begroot.publish;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Publishing depends on the core, the reader and the renderers; none of them depends on publishing. */
class PublishArchitectureTest {
  @Test
  void nothingBelowPublishingDependsOnIt() {
    JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("nl.begroot");
    noClasses().that().resideInAnyPackage("nl.begroot.core..", "nl.begroot.format..", "nl.begroot.render..")
        .should().dependOnClassesThat().resideInAPackage("nl.begroot.publish..").check(classes);
  }
}
