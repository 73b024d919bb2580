package io.signet.m365sim.graph;

import io.signet.m365sim.http.Json;
import io.signet.m365sim.http.Response;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** $top validation and collection pages with {@code @odata.nextLink} (opaque {@code $skiptoken}). */
final class Paging {
    static final int DEFAULT_TOP = 100;
    static final int MAX_TOP = 999;

    private Paging() {
    }

    /** The page size; throws with Graph's message when $top is outside 1..999. */
    static int top(GraphCall call) {
        String top = call.option("top");
        if (top == null) {
            return DEFAULT_TOP;
        }
        int value;
        try {
            value = Integer.parseInt(top.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid page size specified: '" + top
                    + "'. Must be between 1 and " + MAX_TOP + " inclusive.");
        }
        if (value < 1 || value > MAX_TOP) {
            throw new IllegalArgumentException("Invalid page size specified: '" + top + "'. Must be between 1 and "
                    + MAX_TOP + " inclusive.");
        }
        return value;
    }

    /** Offset of a list page from the request's $skiptoken (0 on the first page). */
    static int offset(GraphCall call) {
        String token = call.option("skiptoken");
        if (token == null) {
            return 0;
        }
        ObjectNode payload = Json.fromOpaque(token);
        if (payload == null || !payload.has("o")) {
            throw new IllegalArgumentException("Invalid $skiptoken.");
        }
        return payload.get("o").asInt();
    }

    /** Answers one page of an already computed list. */
    static Response page(GraphCall call, String context, List<ObjectNode> all) {
        int top = top(call);
        int from = Math.min(offset(call), all.size());
        int to = Math.min(from + top, all.size());
        ObjectNode body = Json.object();
        body.put("@odata.context", call.graphBaseUrl() + "/$metadata#" + context);
        if (call.countRequested()) {
            body.put("@odata.count", all.size());
        }
        if (to < all.size()) {
            body.put("@odata.nextLink", call.nextLink("$skiptoken", Json.opaque(Json.object().put("o", to))));
        }
        ArrayNode value = body.putArray("value");
        all.subList(from, to).forEach(value::add);
        return GraphResponses.ok(call, body);
    }

    /** Graph's message when {@code $search} comes without {@code ConsistencyLevel: eventual}. */
    static final String SEARCH_NEEDS_EVENTUAL = "Request with $search query parameter only works through MSGraph with "
            + "a special request header: 'ConsistencyLevel: eventual'";

    /**
     * Advanced queries (and $count) need ConsistencyLevel: eventual plus $count=true; {@code $search} needs only
     * the header. Answers the 400, or null.
     */
    static Response requireAdvanced(GraphCall call, boolean advanced) {
        if (call.option("search") != null && !call.eventualConsistency()) {
            return GraphResponses.unsupportedQuery(call, SEARCH_NEEDS_EVENTUAL);
        }
        boolean needs = advanced || call.countRequested() || call.option("orderby") != null;
        if (needs && !(call.eventualConsistency() && call.countRequested())) {
            return GraphResponses.unsupportedQuery(call, "Unsupported Query. This query needs the header "
                    + "'ConsistencyLevel: eventual' and '$count=true' (advanced query capabilities).");
        }
        return null;
    }
}
