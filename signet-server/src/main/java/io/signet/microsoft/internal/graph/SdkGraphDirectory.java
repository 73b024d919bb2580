package io.signet.microsoft.internal.graph;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.core.requests.options.GraphClientOption;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import com.microsoft.kiota.http.middleware.RetryHandler;

import io.signet.microsoft.GraphAccessTokens;
import io.signet.microsoft.GraphDirectory;
import io.signet.microsoft.GraphSession;
import io.signet.microsoft.internal.Microsoft365Endpoints;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

/**
 * Builds read-only Graph sessions: the official SDK, pointed at the configured Graph URL, on an OkHttp
 * client whose outermost interceptor refuses writes, with Signet's own retry policy in place of the
 * SDK's (which gives up after three tries).
 */
@Component
class SdkGraphDirectory implements GraphDirectory {

    private final GraphAccessTokens tokens;
    private final Microsoft365Endpoints endpoints;
    private final RetrySettings retrySettings;
    private final Duration readTimeout;

    SdkGraphDirectory(GraphAccessTokens tokens, Microsoft365Endpoints endpoints, GraphClientSettings settings) {
        this.tokens = tokens;
        this.endpoints = endpoints;
        this.retrySettings = settings.retry();
        this.readTimeout = settings.readTimeout();
    }

    @Override
    public GraphSession open(UUID orgId) {
        RequestCounter counter = new RequestCounter();
        List<Interceptor> interceptors = new ArrayList<>();
        interceptors.add(new ReadOnlyGuard());
        interceptors.add(new RetryingInterceptor(retrySettings, d -> Thread.sleep(d.toMillis())));
        interceptors.add(counter);
        Arrays.stream(GraphClientFactory.createDefaultGraphInterceptors(new GraphClientOption()))
                .filter(i -> !(i instanceof RetryHandler)).forEach(interceptors::add);
        DeltaNulls nulls = new DeltaNulls();
        interceptors.add(nulls);
        OkHttpClient http = GraphClientFactory.create(interceptors).readTimeout(readTimeout)
                .connectTimeout(Duration.ofSeconds(10)).build();
        GraphServiceClient client = new GraphServiceClient(
                new BaseBearerTokenAuthenticationProvider(new OrganisationTokens(orgId)), http);
        client.getRequestAdapter().setBaseUrl(endpoints.graphUrl());
        return new SdkGraphSession(client, counter, nulls);
    }

    /**
     * Hands the SDK the organisation's access token, for the Graph host only. A token is reused for up to a
     * minute within the session: the store hands out tokens valid for two more minutes at least, and asking it
     * for every request (a locked read and a commit each) would cost a large run thousands of transactions. A
     * reused token is handed out only while the organisation is still connected (a plain read, at most every
     * five seconds), so that a disconnect stops a running sync within seconds.
     */
    private final class OrganisationTokens implements AccessTokenProvider {

        private static final Duration REUSE = Duration.ofMinutes(1);
        private static final Duration CHECK = Duration.ofSeconds(5);

        private final UUID orgId;
        private final AllowedHostsValidator hosts = new AllowedHostsValidator(URI.create(endpoints.graphUrl()).getHost());
        private String token;
        private long obtainedAt;
        private long checkedAt;

        OrganisationTokens(UUID orgId) {
            this.orgId = orgId;
        }

        @Override
        public String getAuthorizationToken(URI uri, Map<String, Object> context) {
            return hosts.isUrlHostValid(uri) ? current() : "";
        }

        private synchronized String current() {
            if (token == null || System.nanoTime() - obtainedAt > REUSE.toNanos()) {
                token = tokens.accessToken(orgId);
                obtainedAt = System.nanoTime();
                checkedAt = obtainedAt;
            } else if (System.nanoTime() - checkedAt > CHECK.toNanos()) {
                tokens.requireConnected(orgId);
                checkedAt = System.nanoTime();
            }
            return token;
        }

        @Override
        public AllowedHostsValidator getAllowedHostsValidator() {
            return hosts;
        }
    }
}
