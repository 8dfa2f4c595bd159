package dev.authfeedback.conformance;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The hexagon's dependency rules: domain ← adapters ← server, and adapters never on each other. */
class ArchitectureTest {

    private static final String ROOT = "dev.authfeedback";
    private static final String DOMAIN = ROOT + ".domain..";
    private static final String ADAPTERS = ROOT + ".adapter..";
    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    /** Without this, a rule over a package that failed to load would check nothing and pass. */
    @Test
    void theRulesSeeTheDomainAndEveryAdapterOnTheClasspath() {
        assertThat(production.stream().map(JavaClass::getPackageName).distinct())
                .contains(ROOT + ".domain.model", ROOT + ".domain.port.in", ROOT + ".domain.port.out",
                        ROOT + ".domain.service", ROOT + ".domain.quota", ROOT + ".adapter.inmemory",
                        ROOT + ".adapter.postgres", ROOT + ".adapter.http", ROOT + ".adapter.grpc",
                        ROOT + ".adapter.smtp");
    }

    @Test
    void theDomainDependsOnTheJdkAlone() {
        classes().that().resideInAPackage(DOMAIN)
                .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "java..", "javax.crypto..")
                .check(production);
    }

    @Test
    void adaptersDoNotDependOnEachOther() {
        slices().matching(ROOT + ".adapter.(*)..").should().notDependOnEachOther().check(production);
    }

    @Test
    void onlyTheCompositionRootAndTestHarnessesUseAdapters() {
        noClasses().that().resideOutsideOfPackages(ADAPTERS, ROOT + ".server..", ROOT + ".conformance..",
                        ROOT + ".benchmarks..")
                .should().dependOnClassesThat().resideInAPackage(ADAPTERS)
                .check(production);
    }

    @Test
    void adaptersAndDriversCallUseCasesThroughTheInboundPortsOnly() {
        noClasses().that().resideInAPackage(ADAPTERS)
                .or().haveSimpleNameEndingWith("Driver")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".domain.service..")
                .check(production);
    }

    @Test
    void adaptersDoNotDependOnTheServer() {
        noClasses().that().resideInAPackage(ADAPTERS)
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".server..")
                .check(production);
    }

    @Test
    void inboundPortsAreUseCaseInterfacesTakingCommandRecords() {
        classes().that().resideInAPackage(ROOT + ".domain.port.in").and().haveSimpleNameEndingWith("UseCase")
                .should().beInterfaces().check(production);
        classes().that().resideInAPackage(ROOT + ".domain.port.in").and().haveSimpleNameEndingWith("Command")
                .should().beAssignableTo(Record.class).check(production);
    }

    @Test
    void outboundStoresArePortInterfacesOwnedByTheDomain() {
        classes().that().resideInAPackage(ROOT + ".domain.port.out").and().haveSimpleNameEndingWith("Store")
                .should().beInterfaces().check(production);
    }
}
