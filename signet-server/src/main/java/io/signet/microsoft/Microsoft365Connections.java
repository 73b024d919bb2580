package io.signet.microsoft;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;

import io.signet.directory.Employees;
import io.signet.microsoft.internal.ConsentErrors;
import io.signet.microsoft.internal.Connections;
import io.signet.microsoft.internal.IdentityPlatformClient;
import io.signet.microsoft.internal.IdentityPlatformClient.IdentityPlatformUnavailableException;
import io.signet.microsoft.internal.IdentityPlatformClient.TokenRefusedException;
import io.signet.microsoft.internal.IdentityPlatformClient.TokenSet;
import io.signet.microsoft.internal.Microsoft365Endpoints;
import io.signet.organization.CurrentAdmin;
import io.signet.web.ApiProblem;

/**
 * Connecting an organisation to its Microsoft 365 tenant (admin consent, authorization code with PKCE)
 * and disconnecting it. A consent flow is bound to the admin who started it; its {@code state} works once.
 */
@Service
public class Microsoft365Connections {

    private static final Logger log = LoggerFactory.getLogger(Microsoft365Connections.class);
    private static final Duration FLOW_LIFETIME = Duration.ofMinutes(15);
    private static final Set<String> REQUIRED_GRAPH_SCOPES = Set.of("user.read.all", "group.read.all");

    /** The result of a disconnect: how many synced employees were kept as manual ones, or deleted. */
    public record Disconnected(boolean employeesKept, int employees) {
    }

    private final Connections connections;
    private final IdentityPlatformClient identityPlatform;
    private final Microsoft365Endpoints endpoints;
    private final Employees employees;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Microsoft365Connections(Connections connections, IdentityPlatformClient identityPlatform,
            Microsoft365Endpoints endpoints, Employees employees, ApplicationEventPublisher events, Clock clock) {
        this.connections = connections;
        this.identityPlatform = identityPlatform;
        this.endpoints = endpoints;
        this.employees = employees;
        this.events = events;
        this.clock = clock;
    }

    public Microsoft365Connection status(UUID orgId) {
        return connections.view(orgId, endpoints.demo());
    }

    /** Organisations with a working connection: what the scheduler looks at. */
    public java.util.List<UUID> connectedOrganizations() {
        return connections.connectedOrganizations();
    }

    /** In demo mode, whom to sign in as on the demo tenant's consent page; null otherwise. */
    public String demoSignInHint() {
        return endpoints.demoSignInHint();
    }

    public boolean demo() {
        return endpoints.demo();
    }

    /** Starts a consent flow for {@code admin}; answers where to send their browser. */
    @Transactional
    public URI startConnect(CurrentAdmin admin) {
        CodeVerifier verifier = new CodeVerifier();
        String state = connections.newPendingAuthorization(admin, verifier.getValue(), clock.instant(), FLOW_LIFETIME);
        return identityPlatform.authorizationUrl(state, verifier);
    }

    /**
     * Finishes a consent flow from the parameters Microsoft redirected back with. Stores the connection only
     * when everything checks out; otherwise answers why, in words for the admin.
     */
    @Transactional
    public ConnectOutcome completeConnect(CurrentAdmin admin, String state, String code, String error,
            String errorDescription) {
        var pending = connections.takePendingAuthorization(admin, state, clock.instant());
        if (pending.isEmpty()) {
            return ConnectOutcome.failed("This sign-in link is invalid, expired or was already used. Nothing was "
                    + "changed; please start connecting again.");
        }
        if (error != null) {
            return ConnectOutcome.failed(ConsentErrors.explain(error, errorDescription));
        }
        if (code == null || code.isBlank()) {
            return ConnectOutcome.failed("Microsoft sent no authorization code back. Nothing was changed.");
        }
        TokenSet tokens;
        try {
            tokens = identityPlatform.redeemCode(code, new CodeVerifier(pending.get()));
        } catch (TokenRefusedException e) {
            log.info("Microsoft refused to redeem the authorization code: {}", e.error());
            return ConnectOutcome.failed("Microsoft refused the sign-in (" + e.getMessage() + "). Nothing was changed.");
        } catch (IdentityPlatformUnavailableException e) {
            return ConnectOutcome.failed("Microsoft could not be reached. Nothing was changed; please try again.");
        }
        List<String> granted = grantedScopes(tokens.scope());
        if (!granted.stream().map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toSet())
                .containsAll(REQUIRED_GRAPH_SCOPES) || tokens.refreshToken() == null || tokens.idToken() == null) {
            return ConnectOutcome.failed("Not all permissions were granted (granted: " + String.join(", ", granted)
                    + "). Signet needs " + Permission.scopeParameter() + ". Nothing was changed.");
        }
        return connections.store(admin.orgId(), tokens, granted, clock.instant());
    }

    /** Ends the connection: tokens and the tenant's mirror go; synced employees are kept as manual or deleted. */
    @Transactional
    public Disconnected disconnect(UUID orgId, boolean keepEmployees) {
        if (!connections.delete(orgId)) {
            throw ApiProblem.notFound("Microsoft 365 connection of organisation", orgId);
        }
        int affected = keepEmployees ? employees.convertMicrosoft365ToManual(orgId)
                : employees.deleteMicrosoft365Employees(orgId);
        events.publishEvent(new Microsoft365Disconnected(orgId));
        return new Disconnected(keepEmployees, affected);
    }

    /** The organisation this Microsoft 365 tenant is connected to (in any state), if any. */
    public java.util.Optional<UUID> organizationOfTenant(String tenantId) {
        return connections.organizationOfTenant(tenantId);
    }

    /** The identity platform and Signet's app id, for checking tokens that Microsoft issued for Signet's API. */
    public IdentityPlatform identityPlatform() {
        return new IdentityPlatform(endpoints.authorityUrl(), endpoints.clientId());
    }

    private static List<String> grantedScopes(String scope) {
        return Arrays.stream(scope.split(" ")).filter(s -> !s.isBlank())
                .map(s -> s.replaceFirst("(?i)^https://graph\\.microsoft\\.com/", "")).toList();
    }
}
