package io.signet.m365sim.graph;

import io.signet.m365sim.directory.Directory;
import io.signet.m365sim.directory.Removal;
import io.signet.m365sim.directory.UserRecord;
import io.signet.m365sim.http.Json;
import io.signet.m365sim.http.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /users/delta}: a round pages through users (next links) and ends with a delta link; a later round
 * answers users created or changed (in the selected properties) since, and removed users as {@code @removed}.
 * Tokens are opaque base64url JSON: g generation, s "since" sequence (-1: full round), u round's upper
 * sequence, a last id answered, sel the $select, t issue time, tid the tenant; in a full round, p the page's
 * index and r the sequence up to which changed users were sent again.
 */
final class DeltaEndpoint {
    private static final String MANAGER = "manager";

    private final Directory directory;
    private final GraphSettings settings;

    DeltaEndpoint(Directory directory, GraphSettings settings) {
        this.directory = directory;
        this.settings = settings;
    }

    Response handle(GraphCall call) {
        String deltaToken = call.option("deltatoken");
        String skipToken = call.option("skiptoken");
        if ("latest".equalsIgnoreCase(deltaToken)) {
            List<String> select = parseSelect(call.option("select"));
            ObjectNode token = token(directory.sequence(), directory.sequence(), null, select);
            return answer(call, select, new ArrayList<>(), null, token);
        }
        ObjectNode state;
        if (deltaToken != null || skipToken != null) {
            state = Json.fromOpaque(deltaToken != null ? deltaToken : skipToken);
            // A token of another tenant is as unknown here as an expired one.
            if (state == null || !state.has("g") || state.get("g").asLong() != directory.deltaGeneration()
                    || !directory.tenantId().equals(state.path("tid").asString(null))
                    || Instant.ofEpochSecond(state.get("t").asLong()).plus(settings.deltaTokenLifetime()).isBefore(Instant.now())) {
                return GraphResponses.error(call, 400, "syncStateNotFound", "The sync state generation is not found. "
                        + "The delta token is expired and data must be synchronized again.");
            }
            if (deltaToken != null) { // a new round from where the last one ended
                state = token(state.get("u").asLong(), directory.sequence(), null, selectOf(state));
            }
        } else {
            List<String> select = parseSelect(call.option("select"));
            state = token(-1, directory.sequence(), null, select);
        }
        return page(call, state);
    }

    private Response page(GraphCall call, ObjectNode state) {
        long since = state.get("s").asLong();
        String after = state.has("a") ? state.get("a").asString() : null;
        List<String> selected = selectOf(state);
        // "manager" is a navigation property: selected, it answers manager@delta instead of a value.
        boolean withManager = selected != null && selected.contains(MANAGER);
        List<String> select = selected == null ? null : selected.stream().filter(n -> !n.equals(MANAGER)).toList();
        List<String> relevant = select == null ? EntityShape.USER.defaultSelect : select;
        boolean minimal = call.preferMinimal();
        int size = settings.deltaPageSize();
        List<ObjectNode> items = new ArrayList<>();
        String[] last = new String[1];
        int pageIndex = state.path("p").asInt(0);
        settings.fullRoundPageListener().ifPresent(l -> {
            if (since < 0) {
                l.accept(pageIndex);
            }
        });
        long[] repeatedUpTo = {state.has("r") ? state.get("r").asLong() : state.get("u").asLong()};
        boolean more = directory.read(() -> {
            if (since < 0) {
                // Users changed since the round began and already sent come again (Graph's rounds are no snapshots:
                // "the same user can appear twice in a round"), first; then the rest, in id order.
                if (after != null && directory.sequence() > repeatedUpTo[0]) {
                    for (UserRecord r : directory.userRecords().headMap(after, true).values()) {
                        if (r.changedSince(repeatedUpTo[0], relevant)
                                || (withManager && r.managerChangedSequence() > repeatedUpTo[0])) {
                            items.add(withManager(item(r, since, relevant, select, minimal), r, -1, withManager));
                        }
                    }
                }
                repeatedUpTo[0] = directory.sequence();
                last[0] = after; // a page of repeated users only goes on from where the last one ended
                // A full round: every user, in id order, straight from the sorted directory.
                var rest = after == null ? directory.userRecords() : directory.userRecords().tailMap(after, false);
                for (UserRecord r : rest.values()) {
                    if (items.size() >= size) {
                        return true;
                    }
                    items.add(withManager(item(r, since, relevant, select, minimal), r, since, withManager));
                    last[0] = r.id();
                }
                return false;
            }
            TreeSet<String> ids = new TreeSet<>();
            for (UserRecord r : directory.userRecords().values()) {
                if (since < 0 || r.changedSince(since, relevant)
                        || (withManager && r.managerChangedSequence() > since)) {
                    ids.add(r.id());
                }
            }
            if (since >= 0) {
                directory.removals().values().stream().filter(x -> x.sequence() > since).forEach(x -> ids.add(x.id()));
            }
            for (String id : after == null ? ids : ids.tailSet(after, false)) {
                if (items.size() >= size) {
                    return true;
                }
                UserRecord r = directory.userRecords().get(id);
                items.add(r != null ? withManager(item(r, since, relevant, select, minimal), r, since, withManager)
                        : removed(directory.removals().get(id)));
                last[0] = id;
            }
            return false;
        });
        if (more) {
            ObjectNode next = state.deepCopy().put("a", last[0]).put("p", pageIndex + 1);
            if (since < 0) {
                next.put("r", repeatedUpTo[0]);
            }
            return answer(call, select, items, next, null);
        }
        return answer(call, select, items, null, token(state.get("u").asLong(), state.get("u").asLong(), null, selected));
    }

    private ObjectNode item(UserRecord r, long since, List<String> relevant, List<String> select, boolean minimal) {
        ObjectNode stored = r.user().propertiesForDirectory();
        if (since < 0) {
            return EntityShape.USER.project(stored, select);
        }
        boolean created = r.createdSequence() > since;
        ObjectNode out = Json.object();
        for (String name : relevant) {
            JsonNode value = stored.get(name);
            boolean changed = created || r.changedSequence(name) > since;
            boolean hasValue = value != null && !value.isNull() && !(value.isArray() && value.isEmpty());
            if ("id".equals(name) || (minimal ? changed : changed || hasValue)) {
                out.set(name, value != null ? value : EntityShape.USER.empty(name));
            }
        }
        return out;
    }

    /**
     * Graph answers {@code manager@delta} on users whose manager changed (in a first round: who has one).
     * The simulator answers an empty list when the manager was removed.
     */
    private static ObjectNode withManager(ObjectNode item, UserRecord r, long since, boolean withManager) {
        String managerId = r.user().managerId();
        if (withManager && (since < 0 ? managerId != null : r.managerChangedSequence() > since)) {
            ArrayNode delta = item.putArray("manager@delta");
            if (managerId != null) {
                delta.addObject().put("@odata.type", "#microsoft.graph.user").put("id", managerId);
            }
        }
        return item;
    }

    private static List<String> parseSelect(String raw) {
        if (raw == null) {
            return null;
        }
        List<String> names = new ArrayList<>();
        boolean manager = false;
        for (String name : raw.split(",")) {
            if (name.trim().equalsIgnoreCase(MANAGER)) {
                manager = true;
            } else if (!name.isBlank()) {
                names.add(name.trim());
            }
        }
        List<String> select = names.isEmpty() ? null : EntityShape.USER.parseSelect(String.join(",", names));
        if (manager) {
            select = new ArrayList<>(select == null ? EntityShape.USER.defaultSelect : select);
            select.add(MANAGER);
        }
        return select;
    }

    private static ObjectNode removed(Removal removal) {
        ObjectNode out = Json.object();
        out.put("id", removal.id());
        out.putObject("@removed").put("reason", removal.reason());
        return out;
    }

    private Response answer(GraphCall call, List<String> select, List<ObjectNode> items, ObjectNode next, ObjectNode delta) {
        ObjectNode body = Json.object();
        body.put("@odata.context", call.graphBaseUrl() + "/$metadata#" + EntityShape.context("users", select));
        String link = call.graphBaseUrl() + "/users/delta?";
        if (next != null) {
            body.put("@odata.nextLink", link + "$skiptoken=" + Json.opaque(next));
        } else {
            body.put("@odata.deltaLink", link + "$deltatoken=" + Json.opaque(delta));
        }
        ArrayNode value = body.putArray("value");
        items.forEach(value::add);
        Response response = GraphResponses.ok(call, body);
        if (call.preferMinimal()) {
            response.header("Preference-Applied", "return=minimal");
        }
        return response;
    }

    private ObjectNode token(long since, long upto, String after, List<String> select) {
        ObjectNode token = Json.object();
        token.put("g", directory.deltaGeneration());
        token.put("tid", directory.tenantId());
        token.put("s", since);
        token.put("u", upto);
        if (after != null) {
            token.put("a", after);
        }
        if (select != null) {
            token.put("sel", String.join(",", select));
        }
        token.put("t", Instant.now().getEpochSecond());
        return token;
    }

    private static List<String> selectOf(ObjectNode state) {
        return state.has("sel") ? List.of(state.get("sel").asString().split(",")) : null;
    }
}
