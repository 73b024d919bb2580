package io.signet.sync.internal.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.signet.m365sim.data.PhotoMaker;
import io.signet.microsoft.DeltaRound;
import io.signet.microsoft.GraphReadException;
import io.signet.microsoft.GraphSession;
import io.signet.microsoft.GraphUser;
import io.signet.microsoft.PhotoRefusedException;
import io.signet.testing.SimulatedTenantTest;

/**
 * The photo step against Graph answers the simulator cannot give for a single user: refusals. One refused
 * photo keeps what Signet has; many in a row stop the run with the reason.
 */
class MirrorPhotosIT extends SimulatedTenantTest {

    @Autowired
    MirrorPhotos photos;

    @Autowired
    MirrorRepository mirror;

    UUID orgId;
    final FakeGraph graph = new FakeGraph();

    @BeforeEach
    void anOrganisationWithMirroredUsers() {
        orgId = organizations.create(port).orgId();
        List<GraphUser> users = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            users.add(new GraphUser("user-" + i, null, Map.of("displayName", "User " + i), false, null));
        }
        mirror.insertNew(orgId, users, UUID.randomUUID(), Instant.now());
    }

    @Test
    void aPhotoGraphRefusesThisTimeKeepsThePhotoSignetHas() {
        graph.photo("user-1", "v1", PhotoMaker.initials("A", 1));
        String ref = photos.refresh(orgId, graph, List.of("user-1"), () -> {
        }).refs().get("user-1");
        assertThat(ref).isNotNull();

        graph.unreadable.add("user-1");
        MirrorPhotos.Checked metadataRefused = photos.refresh(orgId, graph, List.of("user-1"), () -> {
        });
        assertThat(metadataRefused.refs()).containsEntry("user-1", ref);
        assertThat(metadataRefused.changed()).isEmpty();

        graph.unreadable.clear();
        graph.versions.put("user-1", "v2");
        graph.refused.add("user-1");
        MirrorPhotos.Checked downloadRefused = photos.refresh(orgId, graph, List.of("user-1"), () -> {
        });
        assertThat(downloadRefused.refs()).containsEntry("user-1", ref);
        assertThat(downloadRefused.changed()).isEmpty();

        graph.refused.clear();
        graph.photo("user-1", "v2", PhotoMaker.initials("B", 2));
        MirrorPhotos.Checked replaced = photos.refresh(orgId, graph, List.of("user-1"), () -> {
        });
        assertThat(replaced.changed()).containsExactly("user-1");
        assertThat(replaced.refs().get("user-1")).isNotEqualTo(ref);
    }

    @Test
    void twentyRefusalsInARowStopTheRunWithTheReason() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            ids.add("user-" + i);
            graph.unreadable.add("user-" + i);
        }
        assertThatThrownBy(() -> photos.refresh(orgId, graph, ids, () -> {
        })).isInstanceOf(GraphReadException.class).hasMessageContaining("refused the photos of 20 users in a row");
    }

    @Test
    void refusalsBetweenAnsweredPhotosAreEachTheirUsersProblem() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.add("user-" + i);
            if (i % 2 == 0) {
                graph.unreadable.add("user-" + i);
            }
        }
        assertThat(photos.refresh(orgId, graph, ids, () -> {
        }).changed()).isEmpty();
    }

    /** Graph as the photo step sees it: versions, refusals, images. */
    static final class FakeGraph implements GraphSession {
        final Map<String, String> versions = new HashMap<>();
        final Map<String, byte[]> images = new HashMap<>();
        final Set<String> unreadable = new HashSet<>();
        final Set<String> refused = new HashSet<>();

        void photo(String userId, String version, byte[] image) {
            versions.put(userId, version);
            images.put(userId, image);
        }

        @Override
        public PhotoVersions photoVersions(List<String> userIds) {
            Map<String, String> answered = new HashMap<>();
            userIds.stream().filter(versions::containsKey).filter(id -> !unreadable.contains(id))
                    .forEach(id -> answered.put(id, versions.get(id)));
            Set<String> notDescribed = new HashSet<>(userIds);
            notDescribed.retainAll(unreadable);
            return new PhotoVersions(answered, notDescribed);
        }

        @Override
        public Optional<byte[]> photo(String userId) {
            if (refused.contains(userId)) {
                throw new PhotoRefusedException("HTTP 403 for " + userId, null);
            }
            return Optional.ofNullable(images.get(userId));
        }

        @Override
        public DeltaRound userDelta(String deltaLink, Collection<String> select, Consumer<List<GraphUser>> page) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void transitiveUserIds(String groupId, Consumer<List<String>> page) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<io.signet.microsoft.GraphGroup> searchGroups(String text, int limit) {
            return List.of();
        }

        @Override
        public Optional<io.signet.microsoft.GraphGroup> group(String groupId) {
            return Optional.empty();
        }

        @Override
        public Set<String> memberGroups(String userId, java.util.Collection<String> groupIds) {
            return Set.of();
        }

        @Override
        public long requestCount() {
            return 0;
        }

        @Override
        public void close() {
        }
    }
}
