package dev.mimik.spark;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Where Spark may be, checked on the compiled classes of every module (this module's tests see them all, the
 * command line's included): only in {@code dev.mimik.spark}, which builds on the libraries and never on the command
 * line. mimik-app's ArchitectureTest places the module in the layers.
 */
class SparkArchitectureTest {

  private static final JavaClasses MIMIK = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.mimik");

  @Test
  void sparkAndHadoopStayInTheBatchModule() {
    noClasses().that().resideOutsideOfPackage("dev.mimik.spark..")
        .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "org.apache.hadoop..", "scala..")
        .check(MIMIK);
  }

  @Test
  void noOtherModuleUsesTheBatchModule() {
    noClasses().that().resideOutsideOfPackage("dev.mimik.spark..")
        .should().dependOnClassesThat().resideInAPackage("dev.mimik.spark..")
        .check(MIMIK);
  }

  @Test
  void theBatchModuleBuildsOnTheLibrariesNotTheCommandLine() {
    noClasses().that().resideInAPackage("dev.mimik.spark..")
        .should().dependOnClassesThat().resideInAPackage("dev.mimik.app..")
        .check(MIMIK);
  }
}
