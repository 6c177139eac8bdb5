package borderwatch.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shape of the code, checked on every build: packages depend one way, and the engine never on its callers. */
class ArchitectureTest {

    private static JavaClasses production;

    @BeforeAll
    static void importClasses() {
        production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("borderwatch");
    }

    @Test
    void packagesFormNoCycles() {
        slices().matching("borderwatch.(*)..").should().beFreeOfCycles().check(production);
    }

    @Test
    void onlyTheCommandLineStartsTheService() {
        noClasses().that().resideOutsideOfPackages("borderwatch.cli..", "borderwatch")
                .should().dependOnClassesThat().resideInAPackage("borderwatch.cli..")
                .because("the command line depends on the engine, never the reverse").check(production);
    }

    @Test
    void theEngineAndTheStoresKnowNothingOfHttpOrTheCommandLine() {
        noClasses().that().resideInAnyPackage("borderwatch.core..", "borderwatch.store..", "borderwatch.shared..",
                        "borderwatch.json..")
                .should().dependOnClassesThat().resideInAnyPackage("borderwatch.web..", "borderwatch.cli..",
                        "borderwatch.bench..")
                .check(production);
    }
}
