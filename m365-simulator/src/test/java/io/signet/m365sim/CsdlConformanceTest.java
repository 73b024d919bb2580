package io.signet.m365sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every property the simulator serves for a user or group exists in Graph's own v1.0 metadata (test resource copy). */
class CsdlConformanceTest {
    static String csdl() throws Exception {
        try (InputStream in = CsdlConformanceTest.class.getResourceAsStream("/graph/v1.0-Prod.csdl")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Set<String> properties(String csdl, String... types) {
        Set<String> names = new HashSet<>();
        for (String type : types) {
            Matcher entity = Pattern.compile("<EntityType Name=\"" + type + "\"[^>]*>(.*?)</EntityType>", Pattern.DOTALL).matcher(csdl);
            assertThat(entity.find()).as(type).isTrue();
            Matcher property = Pattern.compile("<(?:Navigation)?Property Name=\"([^\"]+)\"").matcher(entity.group(1));
            while (property.find()) {
                names.add(property.group(1));
            }
        }
        return names;
    }

    @Test
    void servedUserAndGroupPropertiesExistInTheMetadata() throws Exception {
        String csdl = csdl();
        Set<String> userProperties = properties(csdl, "user", "directoryObject", "entity");
        Set<String> groupProperties = properties(csdl, "group", "directoryObject", "entity");
        try (M365Simulator sim = M365Simulator.startDemo(0)) {
            String token = sim.scenario().issueAccessToken(M365Simulator.DEMO_ADMIN_USERNAME, "c", "User.Read.All Group.Read.All");
            Set<String> served = new HashSet<>();
            for (SimUser u : sim.scenario().users()) {
                u.graphProperties().propertyNames().forEach(served::add);
                JsonNode full = Http.json(Http.get(sim.graphBaseUrl() + "/users/" + u.id() + "?$select="
                        + String.join(",", u.graphProperties().propertyNames()), token));
                full.propertyNames().stream().filter(n -> !n.startsWith("@")).forEach(served::add);
            }
            assertThat(userProperties).containsAll(served);
            Set<String> servedGroup = new HashSet<>();
            Http.json(Http.get(sim.graphBaseUrl() + "/groups", token)).path("value")
                    .forEach(g -> servedGroup.addAll(g.propertyNames()));
            assertThat(groupProperties).containsAll(servedGroup);
            // types: businessPhones is a collection, accountEnabled a boolean, as the metadata declares
            JsonNode user = Http.json(Http.get(sim.graphBaseUrl() + "/users/" + M365Simulator.DEMO_MEMBER_USERNAME
                    + "?$select=businessPhones,accountEnabled,assignedLicenses,onPremisesExtensionAttributes", token));
            assertThat(user.path("businessPhones").isArray()).isTrue();
            assertThat(user.path("accountEnabled").isBoolean()).isTrue();
            assertThat(user.path("assignedLicenses").get(0).has("skuId")).isTrue();
            assertThat(user.path("onPremisesExtensionAttributes").has("extensionAttribute15")).isTrue();
        }
    }
}
