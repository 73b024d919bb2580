package io.signet.m365sim.graph;

import io.signet.m365sim.SimGroup;
import io.signet.m365sim.directory.Directory;
import io.signet.m365sim.directory.UserRecord;
import io.signet.m365sim.http.Json;
import io.signet.m365sim.http.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /groups}, members and transitive members, a user's (transitive) group memberships and the
 * {@code checkMemberGroups} action.
 */
final class GroupsEndpoint {
    /** The group properties {@code $search} works on in Graph. */
    static final List<String> SEARCHABLE = List.of("displayName", "description", "mail", "mailNickname");

    private final Directory directory;

    GroupsEndpoint(Directory directory) {
        this.directory = directory;
    }

    Response list(GraphCall call) {
        List<String> select = EntityShape.GROUP.parseSelect(call.option("select"));
        ODataFilter filter = call.option("filter") == null ? null : ODataFilter.parse(call.option("filter"), EntityShape.GROUP);
        Response refused = Paging.requireAdvanced(call, filter != null && filter.advanced);
        if (refused != null) {
            return refused;
        }
        Predicate<ObjectNode> search = call.option("search") == null ? g -> true
                : ODataSearch.parse(call.option("search"), EntityShape.GROUP, SEARCHABLE);
        List<ObjectNode> all = directory.read(() -> directory.groupMap().values().stream()
                .map(SimGroup::graphProperties).filter(g -> filter == null || filter.test.test(g)).filter(search)
                .map(g -> EntityShape.GROUP.project(g, select)).toList());
        return Paging.page(call, EntityShape.context("groups", select), all);
    }

    /**
     * {@code /groups/$count}: the number of groups as {@code text/plain}. Like every {@code $count} segment on
     * directory objects it needs {@code ConsistencyLevel: eventual}; without it Graph answers 400.
     */
    Response countGroups(GraphCall call) {
        Response refused = requireEventualForCount(call);
        if (refused != null) {
            return refused;
        }
        ODataFilter filter = call.option("filter") == null ? null : ODataFilter.parse(call.option("filter"), EntityShape.GROUP);
        Predicate<ObjectNode> search = call.option("search") == null ? g -> true
                : ODataSearch.parse(call.option("search"), EntityShape.GROUP, SEARCHABLE);
        long count = directory.read(() -> directory.groupMap().values().stream().map(SimGroup::graphProperties)
                .filter(g -> filter == null || filter.test.test(g)).filter(search).count());
        return plainCount(call, count);
    }

    /** {@code /groups/{id}/members/$count} (or transitiveMembers, with an optional cast), as {@code text/plain}. */
    Response countMembers(GraphCall call, String groupId, boolean transitive, String cast) {
        if (cast != null && !cast.equals("microsoft.graph.user") && !cast.equals("microsoft.graph.group")) {
            return GraphResponses.badRequest(call, "Resource not found for the segment '" + cast + "'.");
        }
        Response refused = requireEventualForCount(call);
        if (refused != null) {
            return refused;
        }
        Integer count = directory.read(() -> {
            SimGroup g = directory.groupMap().get(groupId);
            return g == null ? null : objects(call, transitive ? directory.transitiveMemberIds(groupId) : g.memberIds(), cast).size();
        });
        if (count == null) {
            return GraphResponses.notFound(call, groupId);
        }
        return plainCount(call, count);
    }

    private static Response requireEventualForCount(GraphCall call) {
        if (call.option("search") != null && !call.eventualConsistency()) {
            return GraphResponses.unsupportedQuery(call, Paging.SEARCH_NEEDS_EVENTUAL);
        }
        return call.eventualConsistency() ? null : GraphResponses.badRequest(call, "Count is not currently supported.");
    }

    private static Response plainCount(GraphCall call, long count) {
        return new Response(200, Long.toString(count).getBytes(StandardCharsets.UTF_8))
                .header("Content-Type", "text/plain").header("OData-Version", "4.0")
                .header("request-id", call.requestId).header("client-request-id", call.clientRequestId);
    }

    Response get(GraphCall call, String groupId) {
        List<String> select = EntityShape.GROUP.parseSelect(call.option("select"));
        ObjectNode group = directory.read(() -> {
            SimGroup g = directory.groupMap().get(groupId);
            return g == null ? null : EntityShape.GROUP.project(g.graphProperties(), select);
        });
        if (group == null) {
            return GraphResponses.notFound(call, groupId);
        }
        ObjectNode body = Json.object();
        body.put("@odata.context", call.graphBaseUrl() + "/$metadata#" + EntityShape.context("groups", select) + "/$entity");
        body.setAll(group);
        return GraphResponses.ok(call, body);
    }

    /**
     * Members of a group ({@code transitive}: nested groups flattened). {@code cast} is null, "microsoft.graph.user"
     * or "microsoft.graph.group"; a cast is an advanced query in Graph.
     */
    Response members(GraphCall call, String groupId, boolean transitive, String cast) {
        if (cast != null && !cast.equals("microsoft.graph.user") && !cast.equals("microsoft.graph.group")) {
            return GraphResponses.badRequest(call, "Resource not found for the segment '" + cast + "'.");
        }
        Response refused = Paging.requireAdvanced(call, cast != null);
        if (refused != null) {
            return refused;
        }
        List<ObjectNode> all = directory.read(() -> {
            SimGroup g = directory.groupMap().get(groupId);
            if (g == null) {
                return null;
            }
            return objects(call, transitive ? directory.transitiveMemberIds(groupId) : g.memberIds(), cast);
        });
        if (all == null) {
            return GraphResponses.notFound(call, groupId);
        }
        return Paging.page(call, cast == null ? "directoryObjects" : cast.equals("microsoft.graph.user") ? "users" : "groups", all);
    }

    /** Groups a user belongs to; {@code transitive} follows nesting upwards. */
    Response memberOf(GraphCall call, String idOrUpn, boolean transitive, String cast) {
        if (cast != null && !cast.equals("microsoft.graph.group")) {
            return GraphResponses.badRequest(call, "Resource not found for the segment '" + cast + "'.");
        }
        List<ObjectNode> all = directory.read(() -> {
            UserRecord r = directory.find(idOrUpn);
            if (r == null) {
                return null;
            }
            Collection<String> ids = transitive ? directory.transitiveMemberOf(r.id())
                    : directory.groupMap().values().stream().filter(g -> g.memberIds().contains(r.id())).map(SimGroup::id).toList();
            return objects(call, ids, "microsoft.graph.group");
        });
        if (all == null) {
            return GraphResponses.notFound(call, idOrUpn);
        }
        return Paging.page(call, cast == null ? "directoryObjects" : "groups", all);
    }

    /**
     * {@code POST /users/{id}/checkMemberGroups {"groupIds": [...]}}: which of at most 20 groups the user is a member
     * of, nested groups included, as {@code {"value": [ids]}} in the order asked.
     */
    Response checkMemberGroups(GraphCall call, String idOrUpn) {
        JsonNode body;
        try {
            body = Json.parse(call.request.body());
        } catch (RuntimeException e) {
            return GraphResponses.badRequest(call, "Unable to read JSON request payload.");
        }
        JsonNode asked = body == null ? null : body.get("groupIds");
        if (asked == null || !asked.isArray()) {
            return GraphResponses.badRequest(call, "The parameter 'groupIds' is missing or not a collection.");
        }
        if (asked.size() > 20) {
            return GraphResponses.badRequest(call, "The maximum number of 'groupIds' is 20.");
        }
        List<String> ids = new ArrayList<>();
        asked.forEach(n -> ids.add(n.asString()));
        List<String> matching = directory.read(() -> {
            UserRecord r = directory.find(idOrUpn);
            if (r == null) {
                return null;
            }
            Set<String> memberOf = directory.transitiveMemberOf(r.id());
            return ids.stream().filter(memberOf::contains).distinct().toList();
        });
        if (matching == null) {
            return GraphResponses.notFound(call, idOrUpn);
        }
        ObjectNode answer = Json.object();
        answer.put("@odata.context", call.graphBaseUrl() + "/$metadata#Collection(Edm.String)");
        ArrayNode value = answer.putArray("value");
        matching.forEach(value::add);
        return GraphResponses.ok(call, answer);
    }

    /** Directory objects for ids, each with {@code @odata.type}; {@code $select} applies to both types. Under the lock. */
    private List<ObjectNode> objects(GraphCall call, Collection<String> ids, String cast) {
        String select = call.option("select");
        List<ObjectNode> result = new ArrayList<>();
        for (String id : ids) {
            UserRecord user = directory.userRecords().get(id);
            SimGroup group = directory.groupMap().get(id);
            ObjectNode out = Json.object();
            if (user != null && (cast == null || cast.equals("microsoft.graph.user"))) {
                out.put("@odata.type", "#microsoft.graph.user");
                out.setAll(EntityShape.USER.project(user.user().propertiesForDirectory(), EntityShape.USER.parseSelect(select)));
            } else if (group != null && (cast == null || cast.equals("microsoft.graph.group"))) {
                out.put("@odata.type", "#microsoft.graph.group");
                out.setAll(EntityShape.GROUP.project(group.graphProperties(), EntityShape.GROUP.parseSelect(select)));
            } else {
                continue;
            }
            result.add(out);
        }
        return result;
    }

    Response organization(GraphCall call) {
        ObjectNode org = Json.object();
        org.put("id", directory.tenantId());
        org.putNull("deletedDateTime");
        org.putArray("businessPhones");
        org.put("city", "Berlin");
        org.put("country", "Germany");
        org.put("countryLetterCode", "DE");
        org.put("createdDateTime", "2024-03-01T08:00:00Z");
        org.put("defaultUsageLocation", "DE");
        org.put("displayName", directory.displayName());
        org.put("preferredLanguage", "en");
        org.put("tenantType", "AAD");
        ObjectNode domain = org.putArray("verifiedDomains").addObject();
        domain.put("capabilities", "Email, OfficeCommunicationsOnline");
        domain.put("isDefault", true);
        domain.put("isInitial", true);
        domain.put("name", directory.domain());
        domain.put("type", "Managed");
        ObjectNode body = Json.object();
        body.put("@odata.context", call.graphBaseUrl() + "/$metadata#organization");
        body.putArray("value").add(org);
        return GraphResponses.ok(call, body);
    }
}
