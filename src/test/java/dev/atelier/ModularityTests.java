package dev.atelier;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Module borders hold (no cycles, no reaching into another module's internals); writes the module docs. */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(Atelier.class);

    @Test
    void modulesRespectTheirBorders() {
        MODULES.verify();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(MODULES).writeDocumentation().writeIndividualModulesAsPlantUml();
    }
}
