package io.signet.m365sim.graph;

import io.signet.m365sim.directory.Directory;
import io.signet.m365sim.directory.UserRecord;
import io.signet.m365sim.http.Json;
import io.signet.m365sim.http.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code /users}, {@code /users/{id|upn}}, {@code /manager} and {@code /photo}. */
final class UsersEndpoint {
    private final Directory directory;

    UsersEndpoint(Directory directory) {
        this.directory = directory;
    }

    /** Pages through users in id order; the skiptoken remembers the last id, so paging survives changes. */
    Response list(GraphCall call) {
        List<String> select = EntityShape.USER.parseSelect(call.option("select"));
        if (select != null) {
            for (String name : select) {
                if (EntityShape.SINGLE_USER_ONLY.contains(name)) {
                    return GraphResponses.error(call, 501, "NotImplemented", "The property '" + name
                            + "' does not support selection on a collection of users; get the user by id.");
                }
            }
        }
        ODataFilter filter = call.option("filter") == null ? null : ODataFilter.parse(call.option("filter"), EntityShape.USER);
        Response refused = Paging.requireAdvanced(call, filter != null && filter.advanced);
        if (refused != null) {
            return refused;
        }
        int top = Paging.top(call);
        String after = null;
        if (call.option("skiptoken") != null) {
            ObjectNode token = Json.fromOpaque(call.option("skiptoken"));
            if (token == null || !token.has("a")) {
                throw new IllegalArgumentException("Invalid $skiptoken.");
            }
            after = token.get("a").asString();
        }
        Predicate<ObjectNode> test = filter == null ? o -> true : filter.test;
        String from = after;
        List<ObjectNode> page = new ArrayList<>(Math.min(top, 1000));
        String[] last = new String[1];
        boolean[] more = new boolean[1];
        long[] count = new long[1];
        directory.read(() -> {
            Map<String, UserRecord> tail = from == null ? directory.userRecords() : directory.userRecords().tailMap(from, false);
            for (UserRecord r : tail.values()) {
                ObjectNode stored = r.user().propertiesForDirectory();
                if (!test.test(stored)) {
                    continue;
                }
                if (page.size() == top) {
                    more[0] = true;
                    break;
                }
                page.add(EntityShape.USER.project(stored, select));
                last[0] = r.id();
            }
            if (call.countRequested()) {
                count[0] = directory.userRecords().values().stream()
                        .filter(r -> test.test(r.user().propertiesForDirectory())).count();
            }
            return null;
        });
        ObjectNode body = Json.object();
        body.put("@odata.context", call.graphBaseUrl() + "/$metadata#" + EntityShape.context("users", select));
        if (call.countRequested()) {
            body.put("@odata.count", count[0]);
        }
        if (more[0]) {
            body.put("@odata.nextLink", call.nextLink("$skiptoken", Json.opaque(Json.object().put("a", last[0]))));
        }
        ArrayNode value = body.putArray("value");
        page.forEach(value::add);
        return GraphResponses.ok(call, body);
    }

    Response get(GraphCall call, String idOrUpn) {
        List<String> select = EntityShape.USER.parseSelect(call.option("select"));
        ObjectNode user = directory.read(() -> {
            UserRecord r = directory.find(idOrUpn);
            return r == null ? null : EntityShape.USER.project(r.user().propertiesForDirectory(), select);
        });
        if (user == null) {
            return GraphResponses.notFound(call, idOrUpn);
        }
        ObjectNode body = Json.object();
        body.put("@odata.context", call.graphBaseUrl() + "/$metadata#" + EntityShape.context("users", select) + "/$entity");
        body.setAll(user);
        return GraphResponses.ok(call, body);
    }

    Response manager(GraphCall call, String idOrUpn) {
        List<String> select = EntityShape.USER.parseSelect(call.option("select"));
        ObjectNode manager = directory.read(() -> {
            UserRecord r = directory.find(idOrUpn);
            if (r == null) {
                return null;
            }
            UserRecord m = r.user().managerId() == null ? null : directory.find(r.user().managerId());
            return m == null ? Json.object() : EntityShape.USER.project(m.user().propertiesForDirectory(), select);
        });
        if (manager == null) {
            return GraphResponses.notFound(call, idOrUpn);
        }
        if (manager.isEmpty()) {
            return GraphResponses.notFound(call, "manager"); // no manager: 404 by design, as in Graph
        }
        ObjectNode body = Json.object();
        body.put("@odata.context", call.graphBaseUrl() + "/$metadata#directoryObjects/$entity");
        body.put("@odata.type", "#microsoft.graph.user");
        body.setAll(manager);
        return GraphResponses.ok(call, body);
    }

    /** Photo metadata ({@code value} false) or bytes; 404 ImageNotFound when the user has no photo. */
    Response photo(GraphCall call, String idOrUpn, boolean value) {
        Object[] found = directory.read(() -> {
            UserRecord r = directory.find(idOrUpn);
            return r == null ? null : new Object[] {r.id(), r.user().photo()};
        });
        if (found == null) {
            return GraphResponses.notFound(call, idOrUpn);
        }
        byte[] photo = (byte[]) found[1];
        if (photo == null) {
            return GraphResponses.error(call, 404, "ImageNotFound", "Exception of type "
                    + "'Microsoft.Fast.Profile.Core.Exception.ImageNotFoundException' was thrown.");
        }
        int[] size = PhotoSize.of(photo);
        if (value) {
            return new Response(200, photo).header("Content-Type", "image/jpeg")
                    .header("request-id", call.requestId).header("client-request-id", call.clientRequestId);
        }
        ObjectNode body = Json.object();
        body.put("@odata.context", call.graphBaseUrl() + "/$metadata#users('" + found[0] + "')/photo/$entity");
        body.put("@odata.mediaContentType", "image/jpeg");
        body.put("@odata.mediaEtag", "W/\"" + Integer.toHexString(java.util.Arrays.hashCode(photo)) + "\"");
        body.put("id", size[0] + "x" + size[1]);
        body.put("height", size[1]);
        body.put("width", size[0]);
        return GraphResponses.ok(call, body);
    }
}
