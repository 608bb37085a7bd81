package dev.mimik.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.conditions.ArchConditions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The shape ARCHITECTURE.md gives the code, checked on the compiled classes: modules layered so that a lower one
 * never imports a higher one, and a command-line module that holds only commands and their adapters (parse, call a
 * library, write), with the computation in the libraries.
 */
class ArchitectureTest {

  private static final JavaClasses MIMIK = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.mimik");

  @Test
  void lowerModulesNeverImportHigherOnes() {
    layeredArchitecture().consideringOnlyDependenciesInLayers()
        .layer("core").definedBy("dev.mimik.core..")
        .layer("signal").definedBy("dev.mimik.signal..")
        .layer("face").definedBy("dev.mimik.face..")
        .layer("learn").definedBy("dev.mimik.learn..")
        .layer("sim").definedBy("dev.mimik.sim..")
        .layer("eval").definedBy("dev.mimik.eval..")
        .layer("track").definedBy("dev.mimik.track..")
        .layer("lab").definedBy("dev.mimik.lab..")
        .layer("app").definedBy("dev.mimik.app..")
        // mimik-spark is not on this module's class path; its own ArchitectureTest checks it against all of these
        .optionalLayer("spark").definedBy("dev.mimik.spark..")
        .whereLayer("app").mayNotBeAccessedByAnyLayer()
        .whereLayer("spark").mayNotBeAccessedByAnyLayer()
        .whereLayer("lab").mayOnlyBeAccessedByLayers("app", "spark")
        .whereLayer("track").mayOnlyBeAccessedByLayers("lab", "app", "spark")
        .whereLayer("eval").mayOnlyBeAccessedByLayers("lab", "app", "spark")
        .whereLayer("sim").mayOnlyBeAccessedByLayers("lab", "app", "spark")
        .whereLayer("learn").mayOnlyBeAccessedByLayers("track", "lab", "app", "spark")
        .whereLayer("face").mayOnlyBeAccessedByLayers("learn", "sim", "eval", "track", "lab", "app", "spark")
        .whereLayer("signal").mayOnlyBeAccessedByLayers("learn", "sim", "track", "lab", "app", "spark")
        .check(MIMIK);
  }

  /** Spark stays in mimik-spark: the command line starts without it ({@code mimik batch} is mimik-spark's). */
  @Test
  void theCommandLineModuleNeverTouchesSpark() {
    noClasses().that().resideInAPackage("dev.mimik.app..")
        .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "dev.mimik.spark..")
        .check(MIMIK);
  }

  /**
   * Every top-level class of {@code dev.mimik.app} is a picocli command, an options mixin, a reader of the files named
   * on the command line, or the entry point and its progress bar; the live server's adapters live in
   * {@code dev.mimik.app.serve}.
   */
  @Test
  void theCommandLinePackageHoldsOnlyCommandsAndTheirAdapters() {
    classes().that().resideInAPackage("dev.mimik.app").and().areTopLevelClasses()
        .and().doNotHaveSimpleName("package-info")
        .should(ArchConditions.be(DescribedPredicate.describe("a command, an options mixin, a command-line file"
            + " reader, the entry point or its progress bar", ArchitectureTest::commandOrAdapter)))
        .check(MIMIK);
  }

  /**
   * Charts, fitting, linear algebra and networks belong to the libraries; a command calls them (a library's
   * benchmark included).
   */
  @Test
  void theCommandLineModuleComputesNothingItself() {
    noClasses().that().resideInAPackage("dev.mimik.app..")
        .should().dependOnClassesThat(JavaClass.Predicates.resideInAnyPackage("org.knowm.xchart..",
            "dev.mimik.face.fit..", "org.ejml..", "org.hipparchus..", "ai.djl..")
            .and(DescribedPredicate.not(JavaClass.Predicates.simpleNameEndingWith("Benchmark"))))
        .check(MIMIK);
  }

  private static boolean commandOrAdapter(JavaClass c) {
    boolean optionsMixin = c.getFields().stream().anyMatch(f -> f.isAnnotatedWith(Option.class)
        || f.isAnnotatedWith(Mixin.class));
    return c.isAnnotatedWith(Command.class) || optionsMixin || c.getSimpleName().endsWith("Files")
        || c.getSimpleName().equals("Main") || c.getSimpleName().equals("Progress");
  }
}
