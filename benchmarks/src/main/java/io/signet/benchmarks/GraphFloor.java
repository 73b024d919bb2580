package io.signet.benchmarks;

import java.net.URI;
import java.util.List;
import java.util.Map;

import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.delta.DeltaGetResponse;
import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;

/** The floor: Microsoft's own client pages a full /users/delta round and parses it, storing nothing. */
final class GraphFloor {

    record Result(long users, long pages, long millis) {
    }

    static Result run(String graphUrl, String accessToken, List<String> select) {
        AccessTokenProvider tokens = new AccessTokenProvider() {
            private final AllowedHostsValidator hosts = new AllowedHostsValidator(URI.create(graphUrl).getHost());

            @Override
            public String getAuthorizationToken(URI uri, Map<String, Object> context) {
                return accessToken;
            }

            @Override
            public AllowedHostsValidator getAllowedHostsValidator() {
                return hosts;
            }
        };
        GraphServiceClient graph = new GraphServiceClient(new BaseBearerTokenAuthenticationProvider(tokens));
        graph.getRequestAdapter().setBaseUrl(graphUrl);
        long start = System.nanoTime();
        long users = 0;
        long pages = 0;
        DeltaGetResponse page = graph.users().delta().get(r -> {
            r.queryParameters.select = select.toArray(String[]::new);
            r.queryParameters.top = 999;
        });
        while (true) {
            pages++;
            users += page.getValue() == null ? 0 : page.getValue().size();
            if (page.getOdataNextLink() == null) {
                break;
            }
            page = graph.users().delta().withUrl(page.getOdataNextLink()).get();
        }
        return new Result(users, pages, (System.nanoTime() - start) / 1_000_000);
    }
}
