package io.signet;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTest {

    @Test
    void featureModulesUseOnlyEachOthersPublicApiAndHaveNoCycles() {
        ApplicationModules.of(SignetApplication.class).verify();
    }
}
