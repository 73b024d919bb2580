package io.signet.agent.signin;

import java.net.MalformedURLException;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

import javax.net.ssl.SSLSocketFactory;

import com.microsoft.aad.msal4j.DeviceCode;
import com.microsoft.aad.msal4j.DeviceCodeFlowParameters;
import com.microsoft.aad.msal4j.IAccount;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.IBroker;
import com.microsoft.aad.msal4j.ITokenCacheAccessAspect;
import com.microsoft.aad.msal4j.InteractiveRequestParameters;
import com.microsoft.aad.msal4j.MsalClientException;
import com.microsoft.aad.msal4j.MsalException;
import com.microsoft.aad.msal4j.MsalInteractionRequiredException;
import com.microsoft.aad.msal4j.MsalServiceException;
import com.microsoft.aad.msal4j.OpenBrowserAction;
import com.microsoft.aad.msal4j.PublicClientApplication;
import com.microsoft.aad.msal4j.SilentParameters;
import com.microsoft.aad.msal4j.SystemBrowserOptions;

/**
 * Signs the employee in with MSAL4J as a public client (no secret): silently from the cache or the Windows broker
 * (WAM) first; then, when allowed, the broker's window, the system browser with a loopback redirect
 * ({@code http://localhost}), or a device code. The only class that imports MSAL4J's sign-in API.
 */
public final class MsalSignIn implements SignIn {

    /** What a test or the command line may change; production uses {@link #defaults()}. */
    /**
     * @param instanceDiscovery for an authority outside Microsoft's clouds: the instance-discovery answer to use
     *                          (MSAL keys its cache by it; without one it would ask login.microsoftonline.com)
     */
    public record Options(IBroker broker, ITokenCacheAccessAspect cache, SSLSocketFactory tls,
            OpenBrowserAction browser, String instanceDiscovery, Consumer<String> deviceCodeMessages) {

        public static Options defaults() {
            return new Options(null, null, null, null, null, System.err::println);
        }

        public Options withCache(ITokenCacheAccessAspect newCache) {
            return new Options(broker, newCache, tls, browser, instanceDiscovery, deviceCodeMessages);
        }

        public Options withBroker(IBroker newBroker) {
            return new Options(newBroker, cache, tls, browser, instanceDiscovery, deviceCodeMessages);
        }

        public Options withTls(SSLSocketFactory newTls) {
            return new Options(broker, cache, newTls, browser, instanceDiscovery, deviceCodeMessages);
        }

        public Options withBrowser(OpenBrowserAction newBrowser) {
            return new Options(broker, cache, tls, newBrowser, instanceDiscovery, deviceCodeMessages);
        }

        public Options withInstanceDiscovery(String answer) {
            return new Options(broker, cache, tls, browser, answer, deviceCodeMessages);
        }

        /** Where the device-code flow shows its "open this page and enter this code" message. */
        public Options withDeviceCodeMessages(Consumer<String> messages) {
            return new Options(broker, cache, tls, browser, instanceDiscovery, messages);
        }
    }

    private static final URI LOOPBACK = URI.create("http://localhost");
    private static final java.util.concurrent.ExecutorService SIGN_IN_THREADS =
            java.util.concurrent.Executors.newCachedThreadPool(task -> {
                Thread thread = new Thread(task, "signet-agent-sign-in");
                thread.setDaemon(true);
                return thread;
            });

    private final SignInConfiguration configuration;
    private final Options options;
    private final PublicClientApplication app;

    public MsalSignIn(SignInConfiguration configuration, Options options) {
        this.configuration = configuration;
        this.options = options;
        this.app = build(configuration, options);
    }

    @Override
    public AccessToken token(Interaction interaction) {
        IAuthenticationResult result = silently();
        if (result == null) {
            result = switch (interaction) {
                case SILENT_ONLY -> throw new SignInRequiredException("Not signed in, or the sign-in has expired: run "
                        + "'signet-agent sign-in' once as this user.");
                case INTERACTIVE -> interactively();
                case DEVICE_CODE -> withDeviceCode();
            };
        }
        return new AccessToken(result.accessToken(), result.account() == null ? null : result.account().username(),
                result.expiresOnDate() == null ? null : result.expiresOnDate().toInstant());
    }

    @Override
    public void signOut() {
        for (IAccount account : app.getAccounts().join()) {
            app.removeAccount(account).join();
        }
    }

    @Override
    public String describe() {
        Set<IAccount> accounts = app.getAccounts().join();
        String who = accounts.isEmpty() ? "not signed in" : "signed in as " + accounts.iterator().next().username();
        String where = options.cache() == null ? "tokens kept in memory only (no protected store here)"
                : "tokens kept in the system's protected store";
        return who + "; " + where + (options.broker() != null ? "; Windows broker (WAM)" : "");
    }

    private IAuthenticationResult silently() {
        try {
            Set<IAccount> accounts = app.getAccounts().join();
            if (accounts.isEmpty() && options.broker() == null) {
                return null;
            }
            SilentParameters.SilentParametersBuilder parameters = accounts.isEmpty()
                    ? SilentParameters.builder(configuration.scopes())
                    : SilentParameters.builder(configuration.scopes(), accounts.iterator().next());
            return app.acquireTokenSilently(parameters.build()).get(2, java.util.concurrent.TimeUnit.MINUTES);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new SignInUnavailableException("The identity platform did not answer within 2 minutes.", e);
        } catch (ExecutionException | CompletionException e) {
            if (e.getCause() instanceof MsalInteractionRequiredException || e.getCause() instanceof MsalClientException) {
                return null;
            }
            throw translate(e.getCause());
        } catch (MalformedURLException e) {
            throw new SignInRefusedException("The sign-in authority is not a valid URL: " + configuration.authority(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignInUnavailableException("Interrupted while signing in", e);
        }
    }

    private IAuthenticationResult interactively() {
        SystemBrowserOptions.SystemBrowserOptionsBuilder browser = SystemBrowserOptions.builder()
                .htmlMessageSuccess("Signed in to Signet. You can close this window.");
        if (options.browser() != null) {
            browser.openBrowserAction(options.browser());
        }
        return await(app.acquireToken(InteractiveRequestParameters.builder(LOOPBACK).scopes(configuration.scopes())
                .systemBrowserOptions(browser.build()).build()));
    }

    private IAuthenticationResult withDeviceCode() {
        Consumer<DeviceCode> show = code -> options.deviceCodeMessages().accept(code.message());
        return await(app.acquireToken(DeviceCodeFlowParameters.builder(configuration.scopes(), show).build()));
    }

    private static IAuthenticationResult await(java.util.concurrent.CompletableFuture<IAuthenticationResult> future) {
        try {
            // A person signs in here (browser or another device): generous, but never forever.
            return future.get(15, java.util.concurrent.TimeUnit.MINUTES);
        } catch (java.util.concurrent.TimeoutException e) {
            future.cancel(true);
            throw new SignInRequiredException("The sign-in was not completed within 15 minutes.");
        } catch (ExecutionException | CompletionException e) {
            throw translate(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignInUnavailableException("Interrupted while signing in", e);
        }
    }

    /** MSAL's failures in two kinds, as everywhere in Signet: refused (do not retry as is) and unavailable (retry). */
    private static RuntimeException translate(Throwable failure) {
        if (failure instanceof MsalServiceException service) {
            Integer status = service.statusCode();
            String message = firstLine(service.getMessage());
            return status != null && status >= 500
                    ? new SignInUnavailableException("The identity platform is unavailable (" + status + "): " + message, failure)
                    : new SignInRefusedException("Microsoft refused the sign-in: " + message, failure);
        }
        if (failure instanceof MsalException msal) {
            String code = msal.errorCode();
            String message = firstLine(msal.getMessage());
            if (message.contains("UnknownHost") || message.contains("Connect") || message.contains("timed out")) {
                return new SignInUnavailableException("The identity platform cannot be reached: " + message, failure);
            }
            return new SignInRefusedException("The sign-in did not complete (" + code + "): " + message, failure);
        }
        return new SignInUnavailableException("The sign-in failed: " + firstLine(String.valueOf(failure)), failure);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).trim();
    }

    private static PublicClientApplication build(SignInConfiguration configuration, Options options) {
        try {
            PublicClientApplication.Builder builder = PublicClientApplication.builder(configuration.clientId())
                    .authority(configuration.authority())
                    .applicationName("Signet Agent")
                    .connectTimeoutForDefaultHttpClient(10_000)
                    .readTimeoutForDefaultHttpClient(30_000)
                    // Not the common pool: on a one- or two-core PC it has a single worker, and a device-code flow
                    // holds it while it polls.
                    .executorService(SIGN_IN_THREADS);
            if (!isMicrosoftCloud(configuration.authority())) {
                // A test tenant or a private authority: login.microsoftonline.com knows nothing of it.
                builder.instanceDiscovery(false);
                if (options.instanceDiscovery() != null) {
                    builder.aadInstanceDiscoveryResponse(options.instanceDiscovery());
                }
            }
            if (options.cache() != null) {
                builder.setTokenCacheAccessAspect(options.cache());
            }
            if (options.tls() != null) {
                builder.sslSocketFactory(options.tls());
            }
            if (options.broker() != null) {
                builder.broker(options.broker());
            }
            return builder.build();
        } catch (MalformedURLException e) {
            throw new SignInRefusedException("The sign-in authority is not a valid URL: " + configuration.authority(), e);
        }
    }

    private static boolean isMicrosoftCloud(String authority) {
        String host = URI.create(authority).getHost();
        return host != null && (host.endsWith("login.microsoftonline.com") || host.endsWith("login.microsoftonline.us")
                || host.endsWith("login.partner.microsoftonline.cn"));
    }
}
