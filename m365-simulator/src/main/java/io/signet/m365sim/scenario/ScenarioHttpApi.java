package io.signet.m365sim.scenario;

import io.signet.m365sim.Fault;
import io.signet.m365sim.RegisteredApp;
import io.signet.m365sim.RequestLogEntry;
import io.signet.m365sim.Scenario;
import io.signet.m365sim.SimUser;
import io.signet.m365sim.TlsTrust;
import io.signet.m365sim.http.Handler;
import io.signet.m365sim.http.Json;
import io.signet.m365sim.http.Request;
import io.signet.m365sim.http.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The scenario API over HTTP under {@code /_sim} (JSON in and out), for tests in other processes and the demo. */
public final class ScenarioHttpApi implements Handler {
    private final Scenario scenario;
    private final String baseUrl;
    private final Supplier<TlsTrust> tls;

    /** @param tls the HTTPS listener's trust, null while HTTPS is off */
    public ScenarioHttpApi(Scenario scenario, String baseUrl, Supplier<TlsTrust> tls) {
        this.scenario = scenario;
        this.baseUrl = baseUrl;
        this.tls = tls;
    }

    @Override
    public Response handle(Request request) {
        try {
            return route(request.method(), request.segments().subList(1, request.segments().size()), request);
        } catch (IllegalArgumentException | NullPointerException e) {
            return Response.json(400, Json.object().put("error", String.valueOf(e.getMessage())));
        }
    }

    private Response route(String method, List<String> s, Request request) {
        String path = method + " " + String.join("/", s.isEmpty() ? List.of("") : s.subList(0, Math.min(1, s.size())));
        JsonNode body = request.body().length == 0 ? Json.object() : Json.parse(request.body());
        switch (path) {
            case "GET callback":
                return Response.html(200, CallbackPage.render(request.query(), baseUrl, scenario.tenantId()));
            case "GET certificate.pem":
                // For clients in other processes: curl --cacert, or a trust store of their own.
                TlsTrust trust = tls.get();
                return trust == null ? Response.json(404, Json.object().put("error", "HTTPS is not enabled"))
                        : Response.text(200, trust.certificatePem()).header("Content-Type", "application/x-pem-file");
            case "GET users":
                if (s.size() == 2) {
                    return scenario.user(s.get(1)).map(u -> Response.json(200, userJson(u)))
                            .orElse(Response.json(404, Json.object().put("error", "no such user")));
                }
                ArrayNode all = Json.array();
                scenario.users().forEach(u -> all.add(userJson(u)));
                return Response.json(200, all);
            case "POST users":
                return usersPost(s, body);
            case "PATCH users":
                scenario.updateUser(s.get(1), Json.MAPPER.convertValue(body, Map.class));
                return ok();
            case "DELETE users":
                if (body.path("permanent").asBoolean(false)) {
                    scenario.deleteUserPermanently(s.get(1));
                } else {
                    scenario.deleteUser(s.get(1));
                }
                return ok();
            case "PUT users":
                return usersPut(s, body, request);
            case "POST groups":
                return groupsPost(s, body);
            case "PATCH groups":
                scenario.renameGroup(s.get(1), body.path("displayName").asString());
                return ok();
            case "DELETE groups":
                if (s.size() == 4) {
                    scenario.removeMember(s.get(1), s.get(3));
                } else {
                    scenario.deleteGroup(s.get(1));
                }
                return ok();
            case "POST apps":
                return appsPost(s, body);
            case "POST deviceCodes":
                return deviceCodes(s, body);
            case "POST deltaTokens":
                scenario.expireDeltaTokens();
                return ok();
            case "POST faults":
                scenario.injectFault(fault(body), body.path("count").asInt(1));
                return ok();
            case "DELETE faults":
                scenario.clearFaults();
                return ok();
            case "GET requests":
                return Response.json(200, requestLog());
            case "DELETE requests":
                scenario.clearRequestLog();
                return ok();
            case "POST tokens":
                if (body.has("audience")) {
                    return Response.json(200, Json.object().put("access_token", scenario.issueAccessToken(
                            body.path("user").asString(), body.path("clientId").asString("sim-test-client"),
                            body.path("scopes").asString("access_as_user"), body.get("audience").asString(),
                            body.has("lifetimeSeconds") ? Duration.ofSeconds(body.get("lifetimeSeconds").asLong()) : null)));
                }
                return Response.json(200, Json.object().put("access_token", scenario.issueAccessToken(
                        body.path("user").asString(), body.path("clientId").asString("sim-test-client"),
                        body.path("scopes").asString("User.Read.All Group.Read.All"))));
            case "PUT settings":
                if (body.has("accessTokenLifetimeSeconds")) {
                    scenario.setAccessTokenLifetime(Duration.ofSeconds(body.get("accessTokenLifetimeSeconds").asLong()));
                }
                if (body.has("deviceCodePollingIntervalSeconds")) {
                    scenario.setDeviceCodePollingInterval(
                            Duration.ofSeconds(body.get("deviceCodePollingIntervalSeconds").asLong()));
                }
                if (body.has("deltaPageSize")) {
                    scenario.setDeltaPageSize(body.get("deltaPageSize").asInt());
                }
                if (body.has("graphLatencyMillis")) {
                    scenario.setGraphLatency(Duration.ofMillis(body.get("graphLatencyMillis").asLong()));
                }
                return ok();
            default:
                return Response.json(404, Json.object().put("error", "no scenario endpoint " + method + " /_sim/"
                        + String.join("/", s)));
        }
    }

    /** {@code POST /_sim/deviceCodes/{userCode}/approve {"user"}}, {@code …/decline}, {@code /_sim/deviceCodes/expire}. */
    private Response deviceCodes(List<String> s, JsonNode body) {
        try {
            if (s.size() == 2 && s.get(1).equals("expire")) {
                scenario.expireDeviceCodes();
                return ok();
            }
            if (s.size() == 3 && s.get(2).equals("approve")) {
                scenario.approveDeviceCode(s.get(1), body.path("user").asString());
                return ok();
            }
            if (s.size() == 3 && s.get(2).equals("decline")) {
                scenario.declineDeviceCode(s.get(1));
                return ok();
            }
        } catch (IllegalStateException e) {
            return Response.json(409, Json.object().put("error", e.getMessage()));
        }
        return Response.json(404, Json.object().put("error", "no scenario endpoint POST /_sim/" + String.join("/", s)));
    }

    private Response usersPost(List<String> s, JsonNode body) {
        if (s.size() == 3 && s.get(2).equals("revokeRefreshTokens")) {
            scenario.revokeRefreshTokens(s.get(1));
            return ok();
        }
        ObjectNode props = ((ObjectNode) body).deepCopy();
        props.remove(List.of("password", "isAdmin", "manager"));
        SimUser user = SimUser.fromGraphJson(props).password(body.path("password").asString(""))
                .admin(body.path("isAdmin").asBoolean(false));
        String id = scenario.addUser(user);
        if (body.hasNonNull("manager")) {
            scenario.setManager(id, body.get("manager").asString());
        }
        return Response.json(201, Json.object().put("id", id));
    }

    private Response usersPut(List<String> s, JsonNode body, Request request) {
        String what = s.size() == 3 ? s.get(2) : "";
        if (what.equals("manager")) {
            scenario.setManager(s.get(1), body.path("managerId").asString(null));
        } else if (what.equals("photo")) {
            scenario.setPhoto(s.get(1), request.body().length == 0 ? null : request.body());
        } else {
            throw new IllegalArgumentException("PUT /_sim/users/{id}/manager or /photo");
        }
        return ok();
    }

    private Response groupsPost(List<String> s, JsonNode body) {
        if (s.size() == 3 && s.get(2).equals("members")) {
            scenario.addMember(s.get(1), body.path("id").asString());
            return ok();
        }
        return Response.json(201, Json.object().put("id", scenario.addGroup(body.path("displayName").asString())));
    }

    private Response appsPost(List<String> s, JsonNode body) {
        if (s.size() == 3 && s.get(2).equals("revokeConsent")) {
            scenario.revokeConsent(s.get(1));
            return ok();
        }
        List<String> uris = new ArrayList<>();
        body.path("redirectUris").forEach(n -> uris.add(n.asString()));
        List<String> publicUris = new ArrayList<>();
        body.path("publicClient").path("redirectUris").forEach(n -> publicUris.add(n.asString()));
        scenario.registerApp(new RegisteredApp(body.path("clientId").asString(), body.path("clientSecret").asString(null),
                body.path("displayName").asString("App"), uris, RegisteredApp.DEFAULT_APPLICATION_PERMISSIONS,
                body.path("isFallbackPublicClient").asBoolean(false), publicUris));
        return Response.json(201, Json.object().put("clientId", body.path("clientId").asString()));
    }

    private static Fault fault(JsonNode body) {
        String type = body.path("type").asString("");
        int retryAfter = body.path("retryAfterSeconds").asInt(1);
        return switch (type) {
            case "tooManyRequests" -> Fault.tooManyRequests(retryAfter);
            case "serviceUnavailable" -> Fault.serviceUnavailable(retryAfter);
            case "slow" -> Fault.slow(Duration.ofMillis(body.path("millis").asLong(1000)));
            case "dropConnection" -> Fault.dropConnection();
            case "truncatedBody" -> Fault.truncatedBody();
            default -> throw new IllegalArgumentException("fault type must be tooManyRequests, serviceUnavailable, "
                    + "slow, dropConnection or truncatedBody");
        };
    }

    private ObjectNode requestLog() {
        ObjectNode out = Json.object();
        Map<String, Long> counts = new TreeMap<>();
        ArrayNode entries = out.putArray("entries");
        for (RequestLogEntry e : scenario.requestLog()) {
            entries.addObject().put("at", e.at().toString()).put("method", e.method())
                    .put("pathAndQuery", e.pathAndQuery()).put("status", e.status());
            counts.merge(e.method(), 1L, Long::sum);
        }
        out.set("counts", Json.toNode(new LinkedHashMap<>(counts)));
        out.put("total", scenario.requestLog().size());
        return out;
    }

    private static ObjectNode userJson(SimUser u) {
        ObjectNode out = u.graphProperties();
        out.put("isAdmin", u.isAdmin());
        out.put("manager", u.managerId());
        out.put("hasPhoto", u.photo() != null);
        return out;
    }

    private static Response ok() {
        return Response.json(200, Json.object().put("ok", true));
    }
}
