package io.signet.m365sim.graph;

import io.signet.m365sim.Fault;
import io.signet.m365sim.directory.Directories;
import io.signet.m365sim.directory.Directory;
import io.signet.m365sim.http.Handler;
import io.signet.m365sim.http.Request;
import io.signet.m365sim.http.Response;
import io.signet.m365sim.identity.SigningKey;
import io.signet.m365sim.identity.TokenIssuer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Graph v1.0 under {@code /v1.0}: read-only; every other method is answered 405 (the request log keeps it). Each
 * request is answered from the directory of its access token's tenant ({@code tid}), never another's.
 */
public final class GraphRouter implements Handler {
    private static final Set<String> READ_USERS = Set.of("User.Read.All", "User.ReadWrite.All", "Directory.Read.All",
            "Directory.ReadWrite.All");
    private static final Set<String> READ_GROUPS = Set.of("Group.Read.All", "GroupMember.Read.All", "Group.ReadWrite.All",
            "Directory.Read.All", "Directory.ReadWrite.All");
    private static final Set<String> READ_SELF = Set.of("User.Read", "User.ReadWrite", "User.ReadBasic.All",
            "User.Read.All", "Directory.Read.All", "Organization.Read.All");

    private final String baseUrl;
    private final GraphAuth auth;
    private final GraphSettings settings;
    private final Map<Directory, TenantEndpoints> byTenant = new ConcurrentHashMap<>();
    private final BatchEndpoint batch;

    /** The endpoints that read one tenant's directory. */
    private record TenantEndpoints(UsersEndpoint users, DeltaEndpoint delta, GroupsEndpoint groups) {
    }

    public GraphRouter(Directories directories, String baseUrl, SigningKey key, TokenIssuer issuer,
            GraphSettings settings) {
        this.baseUrl = baseUrl;
        this.settings = settings;
        this.auth = new GraphAuth(key, issuer, directories);
        this.batch = new BatchEndpoint(this);
    }

    private TenantEndpoints endpointsOf(Directory directory) {
        return byTenant.computeIfAbsent(directory, d -> new TenantEndpoints(new UsersEndpoint(d),
                new DeltaEndpoint(d, settings), new GroupsEndpoint(d)));
    }

    @Override
    public Response handle(Request request) {
        GraphCall call = new GraphCall(request, baseUrl);
        List<String> s = request.segments().subList(1, request.segments().size());
        if (s.size() == 1 && s.get(0).equals("$batch") && "POST".equals(request.method())) {
            Response denied = auth.authenticate(call);
            return denied != null ? denied : batch.handle(call);
        }
        if (s.size() == 3 && s.get(0).equals("users") && s.get(2).equals("checkMemberGroups")
                && "POST".equals(request.method())) {
            // A read in spite of the POST: Graph's action that answers which of the groups the user is in.
            Response denied = auth.authenticate(call);
            if (denied != null) {
                return denied;
            }
            return GraphAuth.allows(call, READ_GROUPS) ? endpointsOf(call.directory).groups().checkMemberGroups(call, s.get(1))
                    : GraphResponses.denied(call);
        }
        if (!"GET".equals(request.method())) {
            return GraphResponses.error(call, 405, "Request_BadRequest",
                    "Specified HTTP method is not allowed for the request uri.");
        }
        Response denied = auth.authenticate(call);
        if (denied != null) {
            return denied;
        }
        try {
            return route(call, s);
        } catch (IllegalArgumentException e) {
            return GraphResponses.badRequest(call, e.getMessage());
        }
    }

    private Response route(GraphCall call, List<String> s) {
        TenantEndpoints tenant = endpointsOf(call.directory);
        UsersEndpoint users = tenant.users();
        GroupsEndpoint groups = tenant.groups();
        if (s.isEmpty()) {
            return GraphResponses.badRequest(call, "Invalid version.");
        }
        String root = s.get(0);
        if (root.equals("me") && call.claims.getClaim("oid") != null && call.claims.getClaim("scp") != null) {
            if (!GraphAuth.allows(call, READ_SELF)) {
                return GraphResponses.denied(call);
            }
            return users.get(call, call.claims.getClaim("oid").toString());
        }
        if (root.equals("organization") && s.size() == 1) {
            return GraphAuth.allows(call, READ_SELF) || GraphAuth.allows(call, READ_USERS)
                    ? groups.organization(call) : GraphResponses.denied(call);
        }
        if (root.equals("users")) {
            boolean membership = s.size() >= 3 && (s.get(2).equals("transitiveMemberOf") || s.get(2).equals("memberOf"));
            if (!GraphAuth.allows(call, membership ? READ_GROUPS : READ_USERS)) {
                return GraphResponses.denied(call);
            }
            return routeUsers(call, s, tenant);
        }
        if (root.equals("groups")) {
            if (!GraphAuth.allows(call, READ_GROUPS)) {
                return GraphResponses.denied(call);
            }
            if (s.size() == 1) {
                return groups.list(call);
            }
            if (s.size() == 2) {
                return s.get(1).equals("$count") ? groups.countGroups(call) : groups.get(call, s.get(1));
            }
            if (s.get(2).equals("members") || s.get(2).equals("transitiveMembers")) {
                boolean transitive = s.get(2).equals("transitiveMembers");
                if (s.get(s.size() - 1).equals("$count") && s.size() <= 5) {
                    return groups.countMembers(call, s.get(1), transitive, s.size() == 5 ? cast(s) : null);
                }
                return groups.members(call, s.get(1), transitive, cast(s));
            }
        }
        return GraphResponses.badRequest(call, "Resource not found for the segment '" + s.get(s.size() - 1) + "'.");
    }

    private Response routeUsers(GraphCall call, List<String> s, TenantEndpoints tenant) {
        UsersEndpoint users = tenant.users();
        GroupsEndpoint groups = tenant.groups();
        DeltaEndpoint delta = tenant.delta();
        if (s.size() == 1) {
            return users.list(call);
        }
        String id = s.get(1);
        if (s.size() == 2) {
            return id.equals("delta") || id.equals("delta()") ? delta.handle(call) : users.get(call, id);
        }
        String what = s.get(2);
        switch (what) {
            case "manager":
                return users.manager(call, id);
            case "photo":
                return users.photo(call, id, s.size() > 3 && s.get(3).equals("$value"));
            case "transitiveMemberOf":
            case "memberOf":
                return groups.memberOf(call, id, what.equals("transitiveMemberOf"), cast(s));
            default:
                return GraphResponses.badRequest(call, "Resource not found for the segment '" + what + "'.");
        }
    }

    /** The type cast segment after a navigation; the SDK spells it {@code graph.user}, an alias Graph accepts. */
    private static String cast(List<String> s) {
        if (s.size() <= 3) {
            return null;
        }
        String cast = s.get(3);
        return cast.startsWith("graph.") ? "microsoft." + cast : cast;
    }

    /** Graph's answer for an injected 429 or 503; null for faults that are not an error answer. */
    public static Response faultAnswer(Fault fault) {
        String requestId = UUID.randomUUID().toString();
        Response response;
        switch (fault.kind()) {
            case TOO_MANY_REQUESTS:
                response = GraphResponses.error(429, "TooManyRequests", "Please retry again later.", requestId, requestId)
                        .header("x-ms-throttle-scope", "Tenant_Application/ReadWrite/simulated")
                        .header("x-ms-throttle-information", "CommandsPerTenantPerApplication");
                break;
            case SERVICE_UNAVAILABLE:
                response = GraphResponses.error(503, "serviceNotAvailable",
                        "The service is temporarily unavailable. Please retry later.", requestId, requestId);
                break;
            default:
                return null;
        }
        if (fault.retryAfterSeconds() >= 0) {
            response.header("Retry-After", Integer.toString(fault.retryAfterSeconds()));
        }
        return response;
    }
}
