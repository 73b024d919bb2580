package io.signet.microsoft.internal.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.microsoft.graph.models.User;
import com.microsoft.kiota.serialization.JsonParseNodeFactory;
import com.microsoft.kiota.serialization.ParseNode;

import io.signet.microsoft.GraphUser;

/** What the SDK makes of a user in a delta page, as the mirror's merge needs it. */
class GraphUserReaderTest {

    static final String PAGE = "{\"value\":[{\"id\":\"u1\",\"mail\":null,\"jobTitle\":\"Engineer\","
            + "\"onPremisesExtensionAttributes\":null},{\"id\":\"u2\",\"@removed\":{\"reason\":\"changed\"}}]}";

    @Test
    void theSdkAloneLosesAPropertyGraphSendsAsNull() throws Exception {
        GraphUser read = GraphUserReader.read(parse("{\"id\":\"u1\",\"mail\":null}"));

        assertThat(read.properties()).doesNotContainKey("mail");
    }

    @Test
    void aPropertyAnIncrementalPageSendsAsNullIsPresentAsClearedAndAnAbsentOneIsAbsent() throws Exception {
        DeltaNulls nulls = new DeltaNulls();
        nulls.recording(true);
        nulls.record(PAGE.getBytes(StandardCharsets.UTF_8));

        GraphUser read = GraphUserReader.read(parse("{\"id\":\"u1\",\"mail\":null,\"jobTitle\":\"Engineer\"}"),
                nulls.take("u1"));

        assertThat(read.properties()).containsEntry("jobTitle", "Engineer").containsEntry("mail", null)
                .containsEntry("onPremisesExtensionAttributes.extensionAttribute1", null)
                .doesNotContainKey("department");
        assertThat(nulls.take("u1")).as("forgotten once taken").isEmpty();
        assertThat(nulls.take("u2")).isEmpty();
    }

    @Test
    void extensionAttributesComeFlattenedAllFifteenWithThoseNotSentAsNull() throws Exception {
        GraphUser read = GraphUserReader.read(parse("{\"id\":\"u1\",\"onPremisesExtensionAttributes\":"
                + "{\"extensionAttribute3\":\"Cost centre 12\",\"extensionAttribute15\":\"x\"}}"));

        assertThat(read.properties()).hasSize(15)
                .containsEntry("onPremisesExtensionAttributes.extensionAttribute1", null)
                .containsEntry("onPremisesExtensionAttributes.extensionAttribute3", "Cost centre 12")
                .containsEntry("onPremisesExtensionAttributes.extensionAttribute15", "x");
    }

    private static User parse(String json) throws Exception {
        ParseNode node = new JsonParseNodeFactory().getParseNode("application/json",
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        return node.getObjectValue(User::createFromDiscriminatorValue);
    }
}
