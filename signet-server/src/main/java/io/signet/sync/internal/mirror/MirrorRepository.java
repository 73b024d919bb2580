package io.signet.sync.internal.mirror;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.signet.database.BulkInsert;
import io.signet.database.InList;
import io.signet.database.KeyRange;
import io.signet.microsoft.GraphUser;
import io.signet.sync.MirroredUser;

/**
 * The mirror: the last-seen attributes of every user of the tenant (JSON), managers and the transitive
 * members of the groups that rules name. Pages from Graph are merged in (present properties replace,
 * absent ones stay), in JDBC batches.
 */
@Repository
public class MirrorRepository {

    /** The columns a new user's row fills, in the order {@link #insert} gives them. */
    private static final List<String> INSERTED = List.of("org_id", "user_id", "attributes", "manager_id", "removed",
            "primary_address", "seen_run_id", "updated_at");

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final BulkInsert bulk;
    private final io.signet.database.TableStatistics statistics;

    MirrorRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch, BulkInsert bulk,
            io.signet.database.TableStatistics statistics) {
        this.statistics = statistics;
        this.jdbc = jdbc;
        this.batch = batch;
        this.bulk = bulk;
    }

    /**
     * Merges one page of users; answers the ids of users that are new or changed, and the primary addresses they
     * had and have (users sharing one of them must be planned again: the address may have become shared, or free).
     */
    public List<String> merge(UUID orgId, List<GraphUser> page, UUID runId, Instant now) {
        return merge(orgId, page, runId, now, false, new HashSet<>());
    }

    /**
     * {@link #merge(UUID, List, UUID, Instant)}, adding the changed users' old and new primary addresses.
     *
     * @param complete the page is a full round's: each user carries every value it has, so its properties replace
     *                 the stored ones (a value no longer sent was cleared), instead of being merged into them
     */
    public List<String> merge(UUID orgId, List<GraphUser> page, UUID runId, Instant now, boolean complete,
            Set<String> addresses) {
        if (page.isEmpty()) {
            return List.of();
        }
        Map<String, StoredUser> existing = find(orgId, page.stream().map(GraphUser::id).toList());
        List<Object[]> inserts = new ArrayList<>();
        List<SqlParameterSource> updates = new ArrayList<>();
        Timestamp at = Timestamp.from(now);
        List<String> changed = new ArrayList<>();
        for (GraphUser user : page) {
            StoredUser before = existing.get(user.id());
            Map<String, Object> attributes = new LinkedHashMap<>(before == null || (complete && !user.isRemoved())
                    ? Map.of() : before.attributes());
            if (!user.isRemoved()) {
                attributes.putAll(user.properties());
            }
            String managerId = user.managerReported() ? user.managerId()
                    : before == null || complete ? null : before.managerId();
            StoredUser after = new StoredUser(user.id(), attributes, managerId, user.isRemoved());
            if (before == null || !before.equals(after)) {
                changed.add(user.id());
                String was = before == null ? null : before.primaryAddress();
                String is = after.primaryAddress();
                if (!java.util.Objects.equals(was, is)) {
                    // Only a change of address (or of whether the user counts) concerns other users of an address.
                    addAddress(addresses, was);
                    addAddress(addresses, is);
                }
            }
            existing.put(user.id(), after);
            if (before == null) {
                inserts.add(inserted(orgId, after, runId, at));
            } else {
                updates.add(row(orgId, after, runId, now));
            }
        }
        insert(inserts);
        batch.batchUpdate("""
                UPDATE m365_mirror_user SET attributes = :attributes, manager_id = :managerId, removed = :removed,
                  primary_address = :primaryAddress, seen_run_id = :runId, updated_at = :now
                WHERE org_id = :orgId AND user_id = :userId""",
                updates.toArray(SqlParameterSource[]::new));
        return changed;
    }

    /**
     * Inserts a page of users the mirror does not hold yet (the first round of a tenant), without reading
     * first; answers their ids. Fails with a duplicate key, changing nothing when run in a transaction, if one
     * is there after all (Graph may repeat a user within a round): the caller then merges the page.
     */
    public List<String> insertNew(UUID orgId, List<GraphUser> page, UUID runId, Instant now) {
        Timestamp at = Timestamp.from(now);
        insert(page.stream().map(user -> inserted(orgId, new StoredUser(user.id(), user.isRemoved() ? Map.of()
                : user.properties(), user.managerReported() ? user.managerId() : null, user.isRemoved()), runId, at))
                .toList());
        return page.stream().map(GraphUser::id).toList();
    }

    private void insert(List<Object[]> rows) {
        bulk.insert("m365_mirror_user", INSERTED, rows);
    }

    /** A new user's row, in the order of {@link #INSERTED}; one {@code at} for the page (COPY writes it out once). */
    private static Object[] inserted(UUID orgId, StoredUser user, UUID runId, Timestamp at) {
        return new Object[] {orgId, user.id(), MirrorJson.write(user.attributes()), user.managerId(), user.removed(),
                user.primaryAddress(), runId, at};
    }

    private static SqlParameterSource row(UUID orgId, StoredUser user, UUID runId, Instant now) {
        return new MapSqlParameterSource().addValue("orgId", orgId).addValue("userId", user.id())
                .addValue("attributes", MirrorJson.write(user.attributes())).addValue("removed", user.removed())
                .addValue("runId", runId).addValue("managerId", user.managerId()).addValue("now", Timestamp.from(now))
                .addValue("primaryAddress", user.primaryAddress());
    }

    private static void addAddress(Set<String> addresses, String address) {
        if (address != null) {
            addresses.add(address);
        }
    }

    /** The present users whose primary address is one of these (as compared). */
    public Set<String> usersWithAddresses(UUID orgId, Collection<String> addresses) {
        return userIdsWhere(orgId, "primary_address", addresses);
    }

    /**
     * The present users that may hold {@code address} (as compared) as primary, UPN or SMTP proxy address: the
     * caller confirms with {@link MirroredUser#allEmails()}. Proxy addresses live only in the JSON attributes, so
     * this reads the organisation's mirror rows with a LIKE: meant for single look-ups (the add-in's From address,
     * registering a shared mailbox), never for the sync's hot path.
     */
    public List<MirroredUser> candidatesHolding(UUID orgId, String address) {
        String pattern = "%" + address.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        return jdbc.sql("""
                SELECT user_id, attributes, manager_id, removed FROM m365_mirror_user
                WHERE org_id = :orgId AND removed = FALSE
                  AND (primary_address = :address OR LOWER(attributes) LIKE :pattern ESCAPE '!')""")
                .param("orgId", orgId).param("address", address).param("pattern", pattern)
                .query((rs, n) -> new StoredUser(rs.getString("user_id"), MirrorJson.read(rs.getString("attributes")),
                        rs.getString("manager_id"), rs.getBoolean("removed")).toMirrored())
                .list();
    }

    /** The users whose manager is one of these users: a manager's change shows in their mapped values. */
    public Set<String> reportsOf(UUID orgId, Collection<String> managerIds) {
        return userIdsWhere(orgId, "manager_id", managerIds);
    }

    /** Ids of users whose column holds one of the values, asked a part of the list at a time. */
    private Set<String> userIdsWhere(UUID orgId, String column, Collection<String> values) {
        Set<String> ids = new HashSet<>();
        for (List<String> part : InList.parts(values)) {
            ids.addAll(jdbc.sql("SELECT user_id FROM m365_mirror_user WHERE org_id = :orgId AND " + column
                    + " IN (:values)").param("orgId", orgId).param("values", part).query(String.class).list());
        }
        return ids;
    }

    /** Which of these primary addresses (as compared) more than one enabled, present user of the tenant has. */
    public Set<String> sharedAddresses(UUID orgId, Collection<String> addresses) {
        if (addresses.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                SELECT primary_address FROM m365_mirror_user WHERE org_id = :orgId AND primary_address IN (:addresses)
                GROUP BY primary_address HAVING COUNT(*) > 1""")
                .param("orgId", orgId).param("addresses", addresses).query(String.class).list());
    }

    /** Refreshes the mirror's planner statistics: a first round that is planned while it grows looks users up in it. */
    public void refreshStatistics() {
        statistics.refresh("m365_mirror_user");
    }

    /** Every primary address that more than one present, enabled user of the tenant has (few, in any tenant). */
    public Set<String> sharedAddresses(UUID orgId) {
        return new HashSet<>(jdbc.sql("""
                SELECT primary_address FROM m365_mirror_user WHERE org_id = :orgId AND primary_address IS NOT NULL
                GROUP BY primary_address HAVING COUNT(*) > 1""").param("orgId", orgId).query(String.class).list());
    }

    /** After a full round: users Graph did not mention any more are gone. Answers how many. */
    public int markUnseenRemoved(UUID orgId, UUID runId, Instant now) {
        return jdbc.sql("""
                UPDATE m365_mirror_user SET removed = TRUE, primary_address = NULL, updated_at = :now
                WHERE org_id = :orgId AND removed = FALSE AND (seen_run_id IS NULL OR seen_run_id <> :runId)""")
                .param("orgId", orgId).param("runId", runId).param("now", Timestamp.from(now)).update();
    }

    /** A page of mirrored users in id order, after {@code afterUserId} (null: from the start). */
    public List<MirroredUser> page(UUID orgId, String afterUserId, int size) {
        return jdbc.sql("""
                SELECT user_id, attributes, manager_id, removed FROM m365_mirror_user
                WHERE org_id = :orgId AND user_id > :after ORDER BY org_id, user_id LIMIT :size""") // whole key: H2 then reads in index order
                .param("orgId", orgId).param("after", afterUserId == null ? "" : afterUserId).param("size", size)
                .query((rs, n) -> new StoredUser(rs.getString("user_id"), MirrorJson.read(rs.getString("attributes")),
                        rs.getString("manager_id"), rs.getBoolean("removed")).toMirrored())
                .list();
    }

    public Map<String, MirroredUser> byIds(UUID orgId, Collection<String> ids) {
        Map<String, MirroredUser> users = new HashMap<>();
        find(orgId, ids).forEach((id, stored) -> users.put(id, stored.toMirrored()));
        return users;
    }

    public boolean isEmpty(UUID orgId) {
        return jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM m365_mirror_user WHERE org_id = :orgId LIMIT 1) one")
                .param("orgId", orgId).query(Integer.class).single() == 0;
    }

    public long count(UUID orgId) {
        return jdbc.sql("SELECT COUNT(*) FROM m365_mirror_user WHERE org_id = :orgId").param("orgId", orgId)
                .query(Long.class).single();
    }

    /** Replaces the members of a group; answers the users who joined or left it. */
    public Set<String> replaceMembers(UUID orgId, String groupId, Collection<String> userIds) {
        Set<String> before = new HashSet<>(jdbc.sql(
                "SELECT user_id FROM m365_mirror_membership WHERE org_id = :orgId AND group_id = :groupId")
                .param("orgId", orgId).param("groupId", groupId).query(String.class).list());
        Set<String> after = new HashSet<>(userIds);
        Set<String> moved = new HashSet<>(before);
        moved.addAll(after);
        moved.removeIf(id -> before.contains(id) && after.contains(id));
        jdbc.sql("DELETE FROM m365_mirror_membership WHERE org_id = :orgId AND group_id = :groupId")
                .param("orgId", orgId).param("groupId", groupId).update();
        batch.batchUpdate("INSERT INTO m365_mirror_membership (org_id, group_id, user_id) VALUES (:orgId, :groupId, :userId)",
                after.stream().map(id -> new MapSqlParameterSource().addValue("orgId", orgId)
                        .addValue("groupId", groupId).addValue("userId", id)).toArray(SqlParameterSource[]::new));
        return moved;
    }

    /** Some users by id, in id order (those the mirror holds). */
    public List<MirroredUser> usersByIds(UUID orgId, Collection<String> ids) {
        return find(orgId, ids).values().stream().map(StoredUser::toMirrored)
                .sorted(java.util.Comparator.comparing(MirroredUser::id)).toList();
    }

    /** Group memberships of some users, among the groups the mirror follows. */
    public Map<String, Set<String>> groupsOf(UUID orgId, Collection<String> userIds) {
        Map<String, Set<String>> groups = new HashMap<>();
        if (userIds.isEmpty()) {
            return groups;
        }
        jdbc.sql("""
                SELECT user_id, group_id FROM m365_mirror_membership
                WHERE org_id = :orgId AND user_id BETWEEN :min AND :max AND user_id IN (:ids)""")
                .param("orgId", orgId).params(keys(userIds))
                .query(rs -> {
                    groups.computeIfAbsent(rs.getString("user_id"), k -> new HashSet<>()).add(rs.getString("group_id"));
                });
        return groups;
    }

    /** A user's photo as last checked: Graph's version of it and the asset holding Signet's copy. */
    public record StoredPhoto(String version, String ref) {
    }

    /** The stored photos of some users (users never checked, or without a photo, are absent). */
    public Map<String, StoredPhoto> photos(UUID orgId, Collection<String> userIds) {
        Map<String, StoredPhoto> photos = new HashMap<>();
        if (userIds.isEmpty()) {
            return photos;
        }
        jdbc.sql("""
                SELECT user_id, photo_version, photo_ref FROM m365_mirror_user
                WHERE org_id = :orgId AND user_id BETWEEN :min AND :max AND user_id IN (:ids)
                  AND photo_version IS NOT NULL""")
                .param("orgId", orgId).params(keys(userIds))
                .query(rs -> {
                    photos.put(rs.getString("user_id"), new StoredPhoto(rs.getString("photo_version"),
                            rs.getString("photo_ref")));
                });
        return photos;
    }

    /** Records a user's checked photo; null: the user has no photo (any more). */
    public void savePhoto(UUID orgId, String userId, StoredPhoto photo) {
        jdbc.sql("""
                UPDATE m365_mirror_user SET photo_version = :version, photo_ref = :ref
                WHERE org_id = :orgId AND user_id = :userId""")
                .param("version", photo == null ? null : photo.version())
                .param("ref", photo == null ? null : photo.ref())
                .param("orgId", orgId).param("userId", userId).update();
    }

    /** Forgets the tenant: on disconnect. */
    public void deleteAll(UUID orgId) {
        jdbc.sql("DELETE FROM m365_mirror_membership WHERE org_id = :orgId").param("orgId", orgId).update();
        jdbc.sql("DELETE FROM m365_mirror_user WHERE org_id = :orgId").param("orgId", orgId).update();
        jdbc.sql("DELETE FROM m365_delta_state WHERE org_id = :orgId").param("orgId", orgId).update();
    }

    /** The ids and their key range (see {@link KeyRange}). */
    private static Map<String, Object> keys(Collection<String> ids) {
        KeyRange range = KeyRange.of(ids);
        return Map.of("ids", ids, "min", range.min(), "max", range.max());
    }

    private static final int FIND_PART = 500;

    private Map<String, StoredUser> find(UUID orgId, Collection<String> ids) {
        Map<String, StoredUser> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        // In key order and a few hundred at a time: each part's key range stays tight, which is what lets H2 read
        // a range of the index instead of the organisation's every row (see KeyRange).
        List<String> sorted = ids.stream().sorted().distinct().toList();
        for (int from = 0; from < sorted.size(); from += FIND_PART) {
            jdbc.sql("""
                    SELECT user_id, attributes, manager_id, removed FROM m365_mirror_user
                    WHERE org_id = :orgId AND user_id BETWEEN :min AND :max AND user_id IN (:ids)""")
                    .param("orgId", orgId).params(keys(sorted.subList(from, Math.min(sorted.size(), from + FIND_PART))))
                    .query(rs -> {
                        found.put(rs.getString("user_id"), new StoredUser(rs.getString("user_id"),
                                MirrorJson.read(rs.getString("attributes")), rs.getString("manager_id"),
                                rs.getBoolean("removed")));
                    });
        }
        return found;
    }
}
