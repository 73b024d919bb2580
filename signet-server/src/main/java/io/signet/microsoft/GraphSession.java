package io.signet.microsoft;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Read-only access to one organisation's Microsoft 365 tenant for the duration of a sync run. Every
 * method reads; nothing here (or under it) can write to Microsoft 365. Results arrive a page at a time.
 */
public interface GraphSession extends AutoCloseable {

    /**
     * Reads a {@code /users/delta} round: from {@code deltaLink}, or a full round when it is null or Graph
     * rejects it. Each page's users go to {@code page} before the next page is fetched.
     */
    DeltaRound userDelta(String deltaLink, Collection<String> select, Consumer<List<GraphUser>> page);

    /** The ids of every user in the group, nested groups flattened, a page at a time. */
    void transitiveUserIds(String groupId, Consumer<List<String>> page);

    /**
     * The version ({@code @odata.mediaEtag}) of each user's photo, from the photo's metadata, 20 users per
     * {@code $batch}. Cheap: no image is transferred.
     */
    PhotoVersions photoVersions(List<String> userIds);

    /**
     * @param versions   the version of each user's photo; users without a photo are absent
     * @param unreadable users whose photo Graph would not describe (an error other than "no photo"): what is
     *                   known of their photo should stay as it is
     */
    record PhotoVersions(java.util.Map<String, String> versions, java.util.Set<String> unreadable) {
    }

    /**
     * The user's photo (JPEG bytes), if they have one.
     *
     * @throws PhotoRefusedException when Graph answers this user's photo with an error other than "no photo"
     */
    Optional<byte[]> photo(String userId);

    /**
     * Groups whose name has a word starting with each word of {@code text} ({@code $search} on
     * {@code displayName}, with {@code ConsistencyLevel: eventual} as Graph requires), at most {@code limit}, with
     * their member count (users, nested groups included).
     */
    List<GraphGroup> searchGroups(String text, int limit);

    /** The group, without its member count; empty when Microsoft 365 no longer has it (deleted). */
    Optional<GraphGroup> group(String groupId);

    /**
     * Which of {@code groupIds} the user is a member of, nested groups included, asked now ({@code POST
     * /users/{id}/checkMemberGroups}, 20 groups per request); empty when Microsoft 365 has no such user.
     */
    java.util.Set<String> memberGroups(String userId, Collection<String> groupIds);

    /** How many HTTP requests this session sent to Graph, retries included. */
    long requestCount();

    @Override
    void close();
}
