package io.signet.microsoft.internal.graph;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

class ReadOnlyGuardTest {

    static final MediaType JSON = MediaType.get("application/json");

    static Request request(String method, String path, String body) {
        return new Request.Builder().url("https://graph.microsoft.com/v1.0" + path)
                .method(method, body == null ? null : RequestBody.create(body, JSON)).build();
    }

    @Test
    void readsPass() throws Exception {
        assertThat(ReadOnlyGuard.isRead(request("GET", "/users", null))).isTrue();
        assertThat(ReadOnlyGuard.isRead(request("POST", "/$batch",
                "{\"requests\":[{\"id\":\"1\",\"method\":\"GET\",\"url\":\"/users/a/manager\"},"
                        + "{\"id\":\"2\",\"method\":\"get\",\"url\":\"/users/b/manager\"}]}"))).isTrue();
    }

    @Test
    void everyKindOfWriteIsRefusedBeforeItLeavesTheProcess() throws Exception {
        assertThat(ReadOnlyGuard.isRead(request("PATCH", "/users/a", "{\"jobTitle\":\"x\"}"))).isFalse();
        assertThat(ReadOnlyGuard.isRead(request("POST", "/users", "{}"))).isFalse();
        assertThat(ReadOnlyGuard.isRead(request("DELETE", "/users/a", null))).isFalse();
        assertThat(ReadOnlyGuard.isRead(request("PUT", "/users/a/photo/$value", "x"))).isFalse();
        assertThat(ReadOnlyGuard.isRead(request("POST", "/$batch",
                "{\"requests\":[{\"id\":\"1\",\"method\":\"GET\",\"url\":\"/users\"},"
                        + "{\"id\":\"2\",\"method\":\"PATCH\",\"url\":\"/users/a\",\"body\":{}}]}"))).isFalse();
        assertThat(ReadOnlyGuard.isRead(request("POST", "/$batch", "not json"))).isFalse();
        assertThat(ReadOnlyGuard.isRead(request("POST", "/$batch", "{\"requests\":[]}"))).isFalse();
    }

    @Test
    void theMembershipCheckActionPassesButNoOtherPostEndingLikeIt() throws Exception {
        assertThat(ReadOnlyGuard.isRead(request("POST", "/users/a/checkMemberGroups", "{\"groupIds\":[\"g\"]}")))
                .isTrue();
        assertThat(ReadOnlyGuard.isRead(request("POST", "/groups/a/checkMemberGroups", "{}"))).isFalse();
        assertThat(ReadOnlyGuard.isRead(request("POST", "/users/a/b/checkMemberGroups", "{}"))).isFalse();
        assertThat(ReadOnlyGuard.isRead(request("PATCH", "/users/a/checkMemberGroups", "{}"))).isFalse();
    }
}
